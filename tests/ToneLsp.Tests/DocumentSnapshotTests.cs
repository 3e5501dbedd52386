using ToneLsp.Core.Analysis;
using ToneLsp.Core.Text;
using ToneLsp.Core.Workspaces;
using ToneLsp.Server;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The server's per-version document state, which every request waits on.</summary>
public sealed class DocumentSnapshotTests
{
    // A snapshot over a core workspace that holds the one document as an open buffer.
    private static DocumentSnapshot Snapshot(string uri, string text)
    {
        var workspace = new TemplateWorkspace(ToneEngine.Default);
        string path = Server.Workspace.PathOf(uri);
        var source = new SourceText(text);
        return new DocumentSnapshot(uri, path, 1, source, ServerSettings.Default, workspace.SetBuffer(path, source));
    }

    [Fact]
    public async Task WaitingForAnAnalysisCanBeCancelledWithoutStoppingTheAnalysis()
    {
        string text = LargeDocuments.CleanParagraphs(512 * 1024) + Samples.GermanCondescension;
        DocumentSnapshot snapshot = Snapshot(Samples.Uri("snapshot"), text);
        using var cancellation = new CancellationTokenSource();

        Task<AnalysisResult> waiting = snapshot.GetAnalysisAsync(cancellation.Token);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(snapshot.IsAnalyzed);
        AnalysisResult result = await snapshot.GetAnalysisAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal("TONE001", Assert.Single(result.Diagnostics).Id);
        Assert.True(snapshot.IsAnalyzed);
    }

    [Fact]
    public async Task ASupersededSnapshotStopsItsAnalysis()
    {
        string text = LargeDocuments.CleanParagraphs(512 * 1024);
        DocumentSnapshot snapshot = Snapshot(Samples.Uri("superseded"), text);

        Task<AnalysisResult> analysis = snapshot.GetAnalysisAsync();
        snapshot.Superseded.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.WaitAsync(TestTimeouts.Default));
        Assert.False(snapshot.IsAnalyzed);
    }
}
