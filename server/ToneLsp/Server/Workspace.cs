using System.Collections.Immutable;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Text;
using ToneLsp.Core.Workspaces;

namespace ToneLsp.Server;

/// <summary>
/// The editor's side of the core <see cref="TemplateWorkspace"/>: open documents by URI with the client's version
/// numbers and a cancellation for each superseded version. It feeds the core workspace with the open buffers, the
/// configuration files above them (an open <c>.tonelsp.yaml</c> buffer overrides its file) and the templates the
/// workspace scan and the watched files report; the core answers. Mutations come from notifications that the
/// server applies one at a time; readers take the current snapshot without locking.
/// </summary>
public sealed class Workspace
{
    private readonly object _gate = new();
    private readonly RepositoryContext _repository;
    private ImmutableDictionary<string, DocumentSnapshot> _documents = ImmutableDictionary<string, DocumentSnapshot>.Empty;
    private ServerSettings _settings = ServerSettings.Default;

    /// <summary>Creates an empty workspace over the engine and the repositories' files.</summary>
    public Workspace(ToneEngine engine, RepositoryContext repository)
    {
        _repository = repository;
        Core = new TemplateWorkspace(engine, _settings.Options, new WorkspaceOptions { RetainedFileAnalyses = 256 });
    }

    /// <summary>The core workspace the editor's inputs go into.</summary>
    public TemplateWorkspace Core { get; }

    /// <summary>The current settings.</summary>
    public ServerSettings Settings => _settings;

    /// <summary>The current snapshot of every open document.</summary>
    public ImmutableDictionary<string, DocumentSnapshot> Documents => _documents;

    /// <summary>The current snapshot of a document, or null when it is not open.</summary>
    public DocumentSnapshot? Get(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>The key of a document in the core workspace: its local path, or the URI of a document without one.</summary>
    public static string PathOf(string uri) => RepositoryContext.LocalPath(uri) ?? uri;

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

    /// <summary>Closes a document; returns whether it was open. The file on disk, if the workspace has it, counts again.</summary>
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
            string path = PathOf(uri);
            if (ServerState.IsConfigurationFile(uri))
            {
                ConfigurationFileChanged(path);
            }
            else
            {
                Core.CloseBuffer(path);
            }

            return true;
        }
    }

    /// <summary>Re-snapshots one open document (another input it depends on changed); null when it is not open.</summary>
    public DocumentSnapshot? Refresh(string uri)
    {
        lock (_gate)
        {
            return _documents.TryGetValue(uri, out DocumentSnapshot? current) ? Replace(uri, current.Version, current.Text) : null;
        }
    }

    /// <summary>Re-snapshots every open document, for example after a configuration file changed; returns the new snapshots.</summary>
    public IReadOnlyList<DocumentSnapshot> Refresh()
    {
        lock (_gate)
        {
            return [.. _documents.Values.ToList().Select(d => Replace(d.Uri, d.Version, d.Text))];
        }
    }

    /// <summary>Replaces the settings and re-snapshots every open document; returns the new snapshots.</summary>
    public IReadOnlyList<DocumentSnapshot> UpdateSettings(ServerSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            Core.SetSettings(settings.Options);
            return Refresh();
        }
    }

    /// <summary>Sets the templates the workspace scan found (full path, text, name to show) and forgets those it no longer found.</summary>
    public void SetScannedFiles(IReadOnlyList<(string Path, string Text, string DisplayName)> files) =>
        ApplyDiskFiles(files, files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Brings the workspace's files up to date with the disk: the templates that changed since they were last read
    /// (by size and time), the ones that are gone, and the configuration files above them; returns the snapshot.
    /// </summary>
    public WorkspaceSnapshot SyncWithDisk(CancellationToken cancellationToken)
    {
        var changed = _repository.ChangedTemplates(out IReadOnlySet<string> all, cancellationToken);
        ApplyDiskFiles(changed, all);
        return Core.Current;
    }

    /// <summary>Sets one template file's text as it is on disk now; null when it was deleted.</summary>
    public void SetFile(string path, string? text, string displayName)
    {
        lock (_gate)
        {
            if (text is null)
            {
                Core.RemoveFile(path);
            }
            else if (Core.Current.Files.GetValueOrDefault(path)?.Text.Text != text)
            {
                Core.SetFile(path, text, displayName);
                SyncConfigurations(path);
            }
        }
    }

    /// <summary>A configuration file changed on disk: its new text (or its deletion) goes into the core workspace, unless it is open.</summary>
    public void ConfigurationFileChanged(string path)
    {
        lock (_gate)
        {
            _repository.Configurations.Invalidate(path);
            if (!_documents.ContainsKey(RepositoryContext.ToUri(path)))
            {
                Core.SetConfiguration(path, File.Exists(path) ? _repository.ConfigurationText(path) : null);
            }
        }
    }

    // The templates read from the disk go in (a text the workspace already has keeps its version, so what was computed
    // for it stays valid), the files the walk no longer found go, and the configuration files above them are synced.
    private void ApplyDiskFiles(IReadOnlyList<(string Path, string Text, string DisplayName)> read, IReadOnlySet<string> all)
    {
        lock (_gate)
        {
            foreach (string gone in Core.Current.Files.Keys.Where(p => !all.Contains(p)).ToList())
            {
                Core.RemoveFile(gone);
            }

            Core.SetFiles(read.Where(f => Core.Current.Files.GetValueOrDefault(f.Path)?.Text.Text != f.Text));
            foreach (string path in all)
            {
                SyncConfigurations(path);
            }
        }
    }

    private DocumentSnapshot Replace(string uri, int version, SourceText text)
    {
        lock (_gate)
        {
            if (_documents.TryGetValue(uri, out DocumentSnapshot? previous))
            {
                previous.Superseded.Cancel();
            }

            string path = PathOf(uri);
            bool configuration = ServerState.IsConfigurationFile(uri);
            if (configuration)
            {
                Core.SetConfiguration(path, text.Text);
            }
            else
            {
                SyncConfigurations(path);
                SyncTwinCandidatesWithDisk(path);
                if (!ReferenceEquals(Core.Current.Buffers.GetValueOrDefault(path)?.Text, text))
                {
                    Core.SetBuffer(path, text, _repository.DisplayName(path));
                }
            }

            var snapshot = new DocumentSnapshot(uri, path, version, text, _settings, Core.Current, configuration);
            _documents = _documents.SetItem(uri, snapshot);
            return snapshot;
        }
    }

    // The paths a template's twin may have (de/ ↔ en/, .de.md ↔ .en.md) that exist on disk and are new or changed
    // since they were read (a few file stats): read them, so the findings compare the twin as it is now, also for a
    // client that sends no file events and before the workspace scan has finished.
    private void SyncTwinCandidatesWithDisk(string path)
    {
        if (!Path.IsPathRooted(path) || ServerState.IsConfigurationFile(path))
        {
            return;
        }

        string? root = _repository.RootOf(path);
        string relative = root is null ? path.TrimStart('/') : path[(root.Length + 1)..];
        foreach (string candidate in TwinTemplates.CandidateTwins(relative))
        {
            string full = root is null ? "/" + candidate : root + "/" + candidate;
            // Not in the workspace yet (the scan may still be running): read it; else only when its size or time changed.
            string? text = Core.Current.Files.ContainsKey(full) ? _repository.TextIfChanged(full) : File.Exists(full) ? _repository.TemplateText(full) : null;
            if (text is not null && !_repository.Configurations.For(full).Excludes(full) && Core.Current.Files.GetValueOrDefault(full)?.Text.Text != text)
            {
                Core.SetFile(full, text, _repository.DisplayName(full));
                SyncConfigurations(full);
            }
        }
    }

    // The configuration files above a template, as the disk has them, go into the core workspace; an open
    // configuration buffer is the input instead of its file.
    private void SyncConfigurations(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return;
        }

        var found = _repository.Configurations.For(path).Files.ToHashSet(StringComparer.Ordinal);
        foreach (string file in found)
        {
            if (!_documents.ContainsKey(RepositoryContext.ToUri(file)))
            {
                Core.SetConfiguration(file, _repository.ConfigurationText(file));
            }
        }

        // A configuration file that is gone from the disk is gone from the workspace too.
        for (string? directory = Path.GetDirectoryName(path); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            string file = Path.Combine(directory, WorkspaceSnapshot.ConfigurationFileName);
            if (!found.Contains(file) && Core.Current.Configurations.ContainsKey(file) && !_documents.ContainsKey(RepositoryContext.ToUri(file)))
            {
                Core.SetConfiguration(file, null);
            }
        }
    }
}
