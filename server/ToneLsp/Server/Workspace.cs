using System.Collections.Immutable;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

namespace ToneLsp.Server;

/// <summary>
/// The open documents. Mutations come from notifications that the server applies one at a time;
/// readers take the current snapshot without locking.
/// </summary>
public sealed class Workspace(
    ToneEngine engine,
    Func<string, ToneOptions, ToneOptions>? resolveOptions = null,
    Func<DocumentSnapshot, AnalysisResult, CancellationToken, Task<IReadOnlyList<ToneDiagnostic>>>? crossDocument = null)
{
    private readonly object _gate = new();
    private ImmutableDictionary<string, DocumentSnapshot> _documents = ImmutableDictionary<string, DocumentSnapshot>.Empty;
    private ServerSettings _settings = ServerSettings.Default;
    private long _generation;

    /// <summary>The current settings.</summary>
    public ServerSettings Settings => _settings;

    /// <summary>The current snapshot of every open document.</summary>
    public ImmutableDictionary<string, DocumentSnapshot> Documents => _documents;

    /// <summary>The current snapshot of a document, or null when it is not open.</summary>
    public DocumentSnapshot? Get(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>Opens (or reopens) a document.</summary>
    public DocumentSnapshot Open(string uri, int version, string text) => Replace(uri, version, new SourceText(text));

    /// <summary>Applies changes in order; a change without a range replaces the whole text. Null when the document is not open.</summary>
    public DocumentSnapshot? Change(string uri, int version, IEnumerable<(LineRange? Range, string Text)> changes, PositionEncoding encoding)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out DocumentSnapshot? current))
            {
                return null;
            }

            SourceText text = current.Text;
            foreach (var (range, newText) in changes)
            {
                text = range is { } r ? text.WithChange(r, newText ?? string.Empty, encoding) : new SourceText(newText ?? string.Empty);
            }

            return Replace(uri, version, text);
        }
    }

    /// <summary>Closes a document; returns whether it was open.</summary>
    public bool Close(string uri)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out DocumentSnapshot? current))
            {
                return false;
            }

            current.Superseded.Cancel();
            _documents = _documents.Remove(uri);
            return true;
        }
    }

    /// <summary>Re-snapshots one open document with the same text (another document it depends on changed); null when it is not open.</summary>
    public DocumentSnapshot? Refresh(string uri)
    {
        lock (_gate)
        {
            return _documents.TryGetValue(uri, out DocumentSnapshot? current) ? Replace(uri, current.Version, current.Text, current) : null;
        }
    }

    /// <summary>Re-snapshots every open document, for example after a configuration file changed; returns the new snapshots.</summary>
    public IReadOnlyList<DocumentSnapshot> Refresh() => UpdateSettings(_settings);

    /// <summary>Replaces the settings and re-snapshots every open document; returns the new snapshots.</summary>
    public IReadOnlyList<DocumentSnapshot> UpdateSettings(ServerSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            return [.. _documents.Values.ToList().Select(d => Replace(d.Uri, d.Version, d.Text))];
        }
    }

    private DocumentSnapshot Replace(string uri, int version, SourceText text, DocumentSnapshot? unchangedFrom = null)
    {
        lock (_gate)
        {
            if (_documents.TryGetValue(uri, out DocumentSnapshot? previous))
            {
                previous.Superseded.Cancel();
            }

            ToneOptions options = resolveOptions?.Invoke(uri, _settings.Options) ?? _settings.Options;
            var snapshot = new DocumentSnapshot(uri, version, text, _settings, ++_generation, engine, options, crossDocument, unchangedFrom);
            _documents = _documents.SetItem(uri, snapshot);
            return snapshot;
        }
    }
}
