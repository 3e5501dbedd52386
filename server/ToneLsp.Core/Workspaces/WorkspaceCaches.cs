using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Workspaces;

/// <summary>
/// What snapshots of one workspace share: the facts of each template version, and analyses keyed by the versions of
/// their inputs. An entry is valid for every snapshot whose inputs have the same versions, so nothing is invalidated by
/// time; a newer version of a template replaces its entry.
/// </summary>
internal sealed class WorkspaceCaches(Lazy<ToneEngine> engine, WorkspaceOptions options)
{
    // The facts of the latest two versions of each template: a snapshot after a change compares the two.
    private readonly ConcurrentDictionary<string, ((long Stamp, DocumentFacts Facts) Latest, (long Stamp, DocumentFacts? Facts) Before)> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Stamp, Language Language, TemplateDocument Document)> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (AnalysisKey Key, AnalysisResult Result, bool Open)> _analyses = new(StringComparer.Ordinal);
    private int _fileAnalyses;

    public Lazy<ToneEngine> Engine { get; } = engine;

    /// <summary>The facts of a template version, read from its parse once.</summary>
    public DocumentFacts FactsOf(WorkspaceDocument document, Func<Language> language, Func<string, string> relative)
    {
        _facts.TryGetValue(document.Path, out var cached);
        if (cached.Latest.Stamp == document.Stamp && cached.Latest.Facts is not null)
        {
            return cached.Latest.Facts;
        }

        if (cached.Before.Stamp == document.Stamp && cached.Before.Facts is { } earlier)
        {
            return earlier;
        }

        Language defaultLanguage = language();
        TemplateDocument parsed = TemplateDocument.Parse(document.Text, defaultLanguage);
        var facts = new DocumentFacts(TwinTemplates.Shape(parsed), TwinTemplates.TranslationOf(relative(document.Path), parsed));
        _facts[document.Path] = ((document.Stamp, facts), cached.Latest.Facts is null ? default : (cached.Latest.Stamp, cached.Latest.Facts));

        // An open buffer is about to be analysed, and so is every file of a host that keeps all analyses (the command
        // line): the parse is kept for that, so each version is parsed once.
        if (document.IsOpen || options.RetainedFileAnalyses is null)
        {
            _parsed[document.Path] = (document.Stamp, defaultLanguage, parsed);
        }

        return facts;
    }

    /// <summary>The parse of a template version made for its facts, handed over once; null when there is none.</summary>
    public TemplateDocument? TakeParsed(WorkspaceDocument document, Language language) =>
        _parsed.TryRemove(document.Path, out var kept) && kept.Stamp == document.Stamp && kept.Language == language ? kept.Document : null;

    public bool TryGetAnalysis(string path, AnalysisKey key, [NotNullWhen(true)] out AnalysisResult? result)
    {
        if (_analyses.TryGetValue(path, out var cached) && cached.Key == key)
        {
            result = cached.Result;
            return true;
        }

        result = null;
        return false;
    }

    public void StoreAnalysis(WorkspaceDocument document, AnalysisKey key, AnalysisResult result)
    {
        if (!document.IsOpen && options.RetainedFileAnalyses is { } limit)
        {
            // A long-lived host keeps a bounded number of analyses of files; when full, it starts over.
            if (Interlocked.Increment(ref _fileAnalyses) > limit)
            {
                foreach (var (path, entry) in _analyses)
                {
                    if (!entry.Open)
                    {
                        _analyses.TryRemove(path, out _);
                    }
                }

                Interlocked.Exchange(ref _fileAnalyses, 1);
            }
        }

        _analyses[document.Path] = (key, result, document.IsOpen);
    }

    /// <summary>Drops what belongs to templates the snapshot no longer has.</summary>
    public void Forget(WorkspaceSnapshot snapshot)
    {
        foreach (string path in _analyses.Keys)
        {
            if (snapshot.Document(path) is null)
            {
                _analyses.TryRemove(path, out _);
            }
        }

        foreach (string path in _facts.Keys)
        {
            if (snapshot.Document(path) is null)
            {
                _facts.TryRemove(path, out _);
                _parsed.TryRemove(path, out _);
            }
        }
    }
}
