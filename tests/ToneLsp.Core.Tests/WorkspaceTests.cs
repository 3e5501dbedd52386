using ToneLsp.Core.Analysis;
using ToneLsp.Core.Text;
using ToneLsp.Core.Workspaces;

namespace ToneLsp.Core.Tests;

/// <summary>The core workspace: inputs with versions, immutable snapshots, results cached and invalidated by input version.</summary>
public class WorkspaceTests
{
    private const string Root = "/repo";
    private const string German = "Hallo {{vorname}}, deine Bestellung {{bestellnummer}} ist unterwegs.\n";
    private const string English = "Hi {{vorname}}, your order is on its way.\n";
    private const string EnglishWithNumber = "Hi {{vorname}}, your order {{bestellnummer}} is on its way.\n";
    private const string Condescending = "Wie bereits erwähnt, ist die Lieferung unterwegs.\n";

    private static TemplateWorkspace NewWorkspace(WorkspaceOptions? options = null)
    {
        var workspace = new TemplateWorkspace(ToneEngine.Default, options: options);
        workspace.SetRoots([Root]);
        return workspace;
    }

    private static IEnumerable<string> Codes(AnalysisResult? result) => result!.Diagnostics.Select(d => d.Descriptor.Id);

    [Fact]
    public void AnOpenBufferOverridesTheFileAndClosingItBringsTheFileBack()
    {
        TemplateWorkspace workspace = NewWorkspace();
        workspace.SetFile("/repo/a.md", "Danke für Ihre Nachricht.\n");
        WorkspaceSnapshot open = workspace.SetBuffer("/repo/a.md", new SourceText(Condescending));

        Assert.Contains("TONE001", Codes(open.Analyze("/repo/a.md")));
        WorkspaceSnapshot closed = workspace.CloseBuffer("/repo/a.md");
        Assert.DoesNotContain("TONE001", Codes(closed.Analyze("/repo/a.md")));
        Assert.False(closed.Document("/repo/a.md")!.IsOpen);
    }

    [Fact]
    public void ASnapshotKeepsTheInputsItWasMadeFrom()
    {
        TemplateWorkspace workspace = NewWorkspace();
        WorkspaceSnapshot before = workspace.SetFile("/repo/a.md", Condescending);
        WorkspaceSnapshot after = workspace.SetFile("/repo/a.md", "Danke für Ihre Nachricht.\n");

        Assert.Contains("TONE001", Codes(before.Analyze("/repo/a.md")));
        Assert.DoesNotContain("TONE001", Codes(after.Analyze("/repo/a.md")));
        Assert.True(after.Stamp > before.Stamp);
    }

    [Fact]
    public void AnAnalysisIsReusedWhileItsInputsKeepTheirVersions()
    {
        TemplateWorkspace workspace = NewWorkspace();
        workspace.SetFile("/repo/a.md", Condescending);
        WorkspaceSnapshot first = workspace.SetFile("/repo/b.md", "Danke für Ihre Nachricht.\n");
        AnalysisResult? analysis = first.Analyze("/repo/a.md");

        // Another template changes without changing the placeholder names: a's inputs are as they were.
        WorkspaceSnapshot second = workspace.SetFile("/repo/b.md", "Vielen Dank für Ihre Nachricht.\n");
        Assert.Same(analysis, second.Analyze("/repo/a.md"));
        Assert.Equal(first.ResultId("/repo/a.md"), second.ResultId("/repo/a.md"));

        // A new placeholder name elsewhere changes what every template is checked against.
        WorkspaceSnapshot third = workspace.SetFile("/repo/b.md", "Hallo {{vorname}}, danke.\n");
        Assert.NotSame(analysis, third.Analyze("/repo/a.md"));
        Assert.NotEqual(second.ResultId("/repo/a.md"), third.ResultId("/repo/a.md"));
    }

    [Fact]
    public void TheResultIdChangesWithTheConfigurationAndTheFindingsFollow()
    {
        TemplateWorkspace workspace = NewWorkspace();
        WorkspaceSnapshot before = workspace.SetFile("/repo/team/a.md", Condescending);
        WorkspaceSnapshot after = workspace.SetConfiguration("/repo/.tonelsp.yaml", "rules:\n  TONE001: off\n");

        Assert.NotEqual(before.ResultId("/repo/team/a.md"), after.ResultId("/repo/team/a.md"));
        Assert.Contains("TONE001", Codes(before.Analyze("/repo/team/a.md")));
        Assert.DoesNotContain("TONE001", Codes(after.Analyze("/repo/team/a.md")));
        Assert.Equal(["/repo/.tonelsp.yaml"], after.ConfigurationFor("/repo/team/a.md").Files);

        // Setting the same text again is no change at all.
        Assert.Same(after, workspace.SetConfiguration("/repo/.tonelsp.yaml", "rules:\n  TONE001: off\n"));
        WorkspaceSnapshot removed = workspace.SetConfiguration("/repo/.tonelsp.yaml", null);
        Assert.Equal(before.ResultId("/repo/team/a.md"), removed.ResultId("/repo/team/a.md"));
        Assert.Contains("TONE001", Codes(removed.Analyze("/repo/team/a.md")));
    }

    [Fact]
    public void NearerConfigurationFilesOverrideFartherOnesAndExcludeTemplates()
    {
        TemplateWorkspace workspace = NewWorkspace();
        workspace.SetConfiguration("/repo/.tonelsp.yaml", "rules:\n  TONE001: off\nexclude: [\"drafts/**\"]\n");
        workspace.SetConfiguration("/repo/team/.tonelsp.yaml", "rules:\n  TONE001: error\n");
        workspace.SetFile("/repo/team/a.md", Condescending);
        WorkspaceSnapshot snapshot = workspace.SetFile("/repo/drafts/b.md", Condescending);

        Assert.Contains(snapshot.Analyze("/repo/team/a.md")!.Diagnostics, d => d.Descriptor.Id == "TONE001" && d.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.True(snapshot.IsExcluded("/repo/drafts/b.md"));
        Assert.False(snapshot.IsExcluded("/repo/team/a.md"));
    }

    [Fact]
    public void TwinsAreComparedAndAChangeToTheTwinChangesTheResult()
    {
        TemplateWorkspace workspace = NewWorkspace();
        workspace.SetFile("/repo/en/versand.md", English, "en/versand.md");
        WorkspaceSnapshot first = workspace.SetBuffer("/repo/de/versand.md", new SourceText(German), "de/versand.md");

        Assert.Equal("/repo/en/versand.md", first.TwinOf("/repo/de/versand.md"));
        var mismatch = Assert.Single(first.CrossDocumentDiagnostics("/repo/de/versand.md"), d => d.Descriptor.Id == "TONE021");
        Assert.Contains("en/versand.md", mismatch.Message);
        Assert.Equal(["/repo/de/versand.md"], first.DependentsOf("/repo/en/versand.md"));

        WorkspaceSnapshot second = workspace.SetFile("/repo/en/versand.md", EnglishWithNumber, "en/versand.md");
        Assert.DoesNotContain(second.CrossDocumentDiagnostics("/repo/de/versand.md"), d => d.Descriptor.Id == "TONE021");
        Assert.NotEqual(first.ResultId("/repo/de/versand.md"), second.ResultId("/repo/de/versand.md"));
    }

    [Fact]
    public void ATemplateThatAnotherNamesInTranslationOfIsItsTwin()
    {
        TemplateWorkspace workspace = NewWorkspace();
        workspace.SetFile("/repo/texte/versand.md", German);
        WorkspaceSnapshot snapshot = workspace.SetFile("/repo/english/shipping.md", "---\ntranslationOf: ../texte/versand.md\n---\n" + English);

        Assert.Equal("/repo/texte/versand.md", snapshot.TwinOf("/repo/english/shipping.md"));
        Assert.Equal("/repo/english/shipping.md", snapshot.TwinOf("/repo/texte/versand.md"));
        Assert.Contains(snapshot.AnalyzeWithCrossDocument("/repo/texte/versand.md")!.Diagnostics, d => d.Descriptor.Id == "TONE021");
    }

    [Fact]
    public void PlaceholderNamesAreCountedOverBuffersAndFiles()
    {
        TemplateWorkspace workspace = NewWorkspace();
        workspace.SetFile("/repo/a.md", "Hallo {{vorname}}.\n");
        workspace.SetFile("/repo/b.md", "Hallo {{vorname}}, {{bestellnummer}}.\n");
        WorkspaceSnapshot snapshot = workspace.SetBuffer("/repo/b.md", new SourceText("Hallo {{vorname}}.\n"));

        Assert.Equal(2, snapshot.PlaceholderCounts["vorname"]);
        Assert.False(snapshot.PlaceholderCounts.ContainsKey("bestellnummer"));
        Assert.Equal(2, snapshot.OptionsFor("/repo/a.md").KnownPlaceholders["vorname"]);
    }

    [Fact]
    public void RemovedTemplatesAreGoneAndUnknownPathsGiveNothing()
    {
        TemplateWorkspace workspace = NewWorkspace(new WorkspaceOptions { RetainedFileAnalyses = 1 });
        workspace.SetFile("/repo/a.md", Condescending);
        workspace.SetFile("/repo/b.md", Condescending);
        Assert.NotNull(workspace.Current.Analyze("/repo/a.md"));
        Assert.NotNull(workspace.Current.Analyze("/repo/b.md"));
        WorkspaceSnapshot snapshot = workspace.RemoveFile("/repo/a.md");

        Assert.Null(snapshot.Analyze("/repo/a.md"));
        Assert.Empty(snapshot.CrossDocumentDiagnostics("/repo/a.md"));
        Assert.Null(snapshot.TwinOf("untitled:Untitled-1"));
        Assert.Equal("none", snapshot.ResultId("/nowhere.md"));
        Assert.Contains("TONE001", Codes(snapshot.Analyze("/repo/b.md")));
    }

    [Fact]
    public void ChangedSettingsChangeTheResult()
    {
        TemplateWorkspace workspace = NewWorkspace();
        WorkspaceSnapshot before = workspace.SetFile("/repo/a.md", Condescending);
        var off = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase) { ["TONE001"] = RuleSetting.Off };
        WorkspaceSnapshot after = workspace.SetSettings(ToneOptions.Default with { Rules = off });

        Assert.NotEqual(before.ResultId("/repo/a.md"), after.ResultId("/repo/a.md"));
        Assert.DoesNotContain("TONE001", Codes(after.Analyze("/repo/a.md")));
    }
}

/// <summary>The indexes a snapshot derives from its predecessor equal the ones counted from scratch.</summary>
public class WorkspaceIndexTests
{
    [Fact]
    public void IncrementalPlaceholderCountsEqualAFreshCount()
    {
        var workspace = new TemplateWorkspace(ToneEngine.Default);
        workspace.SetRoots(["/repo"]);
        var random = new Random(7);
        string[] names = ["vorname", "nachname", "bestellnummer", "datum"];
        for (int step = 0; step < 60; step++)
        {
            string path = $"/repo/t{random.Next(6)}.md";
            string text = string.Join(" ", names.Where(_ => random.Next(2) == 0).Select(n => "{{" + n + "}}")) + " Danke.\n";
            WorkspaceSnapshot snapshot = (step % 7) switch
            {
                0 => workspace.CloseBuffer(path),
                1 => workspace.RemoveFile(path),
                2 or 3 => workspace.SetFile(path, text),
                _ => workspace.SetBuffer(path, new SourceText(text)),
            };

            // Evaluate some snapshots and skip others, so that chains of derived indexes occur.
            if (step % 3 != 0)
            {
                var fresh = new TemplateWorkspace(ToneEngine.Default);
                fresh.SetRoots(["/repo"]);
                fresh.SetFiles(snapshot.Documents.Select(d => (d.Path, d.Text.Text, d.DisplayName)));
                Assert.Equal(fresh.Current.PlaceholderCounts.OrderBy(p => p.Key), snapshot.PlaceholderCounts.OrderBy(p => p.Key));
            }
        }
    }
}
