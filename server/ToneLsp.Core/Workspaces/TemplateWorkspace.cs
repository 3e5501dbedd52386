using System.Collections.Immutable;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Workspaces;

/// <summary>How a workspace keeps what it has computed.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>
    /// How many analyses of templates that are not open in an editor to keep for later snapshots. The command line,
    /// which analyses every template once and compares twins, keeps all (null); a long-lived editor host keeps a few.
    /// </summary>
    public int? RetainedFileAnalyses { get; init; }

    /// <summary>How the phrase rules' expressions run when the workspace makes its own engine (see <see cref="PhraseExpressions"/>).</summary>
    public PhraseExpressions PhraseExpressions { get; init; } = PhraseExpressions.Compiled;
}

/// <summary>
/// The repository's templates, configuration files and settings, as the host feeds them, in the manner of
/// rust-analyzer's <c>AnalysisHost</c>: every change gives a new immutable <see cref="WorkspaceSnapshot"/> that
/// answers questions (diagnostics, twins, result IDs) on the inputs it was made from. It does no IO: the command line
/// feeds it from its walk over the disk, the language server from the editor's buffers, the watched files and its
/// scan of the workspace folders. Changes are serialised; snapshots can be read from any thread.
/// </summary>
public sealed class TemplateWorkspace
{
    private readonly object _gate = new();
    private readonly WorkspaceCaches _caches;
    private WorkspaceSnapshot _current;
    private long _clock;

    /// <summary>Creates an empty workspace.</summary>
    /// <param name="engine">The engine, asked for only when something is analysed (the CLI starts faster without it).</param>
    /// <param name="settings">The host's options under every configuration file.</param>
    /// <param name="options">How much of what is computed to keep.</param>
    public TemplateWorkspace(Func<ToneEngine> engine, ToneOptions? settings = null, WorkspaceOptions? options = null)
    {
        _caches = new WorkspaceCaches(new Lazy<ToneEngine>(engine, LazyThreadSafetyMode.ExecutionAndPublication), options ?? new WorkspaceOptions());
        _current = new WorkspaceSnapshot(
            _caches,
            ImmutableDictionary.Create<string, WorkspaceDocument>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, WorkspaceDocument>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ConfigurationInput>(StringComparer.Ordinal),
            settings ?? ToneOptions.Default,
            settingsStamp: 0,
            roots: [],
            stamp: 0,
            previous: null);
    }

    /// <summary>Creates an empty workspace whose engine runs phrase expressions as <paramref name="options"/> say, made when first needed.</summary>
    public TemplateWorkspace(ToneOptions? settings, WorkspaceOptions options)
        : this(() => ToneEngine.For(options.PhraseExpressions), settings, options)
    {
    }

    /// <summary>Creates an empty workspace with an engine at hand.</summary>
    public TemplateWorkspace(ToneEngine engine, ToneOptions? settings = null, WorkspaceOptions? options = null)
        : this(() => engine, settings, options)
    {
    }

    /// <summary>The snapshot of the inputs as they are now.</summary>
    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Sets the text of template files as they are on disk (a new file, or a changed one).</summary>
    public WorkspaceSnapshot SetFiles(IEnumerable<(string Path, string Text, string DisplayName)> files) =>
        Update(s =>
        {
            var builder = s.Files.ToBuilder();
            foreach (var (path, text, displayName) in files)
            {
                builder[path] = new WorkspaceDocument(path, new SourceText(text), displayName, ++_clock, IsOpen: false);
            }

            return s.With(files: builder.ToImmutable());
        });

    /// <summary>Sets the text of one template file as it is on disk.</summary>
    public WorkspaceSnapshot SetFile(string path, string text, string? displayName = null) => SetFiles([(path, text, displayName ?? path)]);

    /// <summary>Forgets a template file that was deleted or left the workspace.</summary>
    public WorkspaceSnapshot RemoveFile(string path) => Update(s => s.Files.ContainsKey(path) ? s.With(files: s.Files.Remove(path), changedPath: path) : s);

    /// <summary>Opens an editor buffer, or replaces its text; the buffer overrides the file at the same path.</summary>
    public WorkspaceSnapshot SetBuffer(string path, SourceText text, string? displayName = null) =>
        Update(s => s.With(buffers: s.Buffers.SetItem(path, new WorkspaceDocument(path, text, displayName ?? path, ++_clock, IsOpen: true)), changedPath: path));

    /// <summary>Closes an editor buffer; the file at the same path, if the workspace has it, counts again.</summary>
    public WorkspaceSnapshot CloseBuffer(string path) => Update(s => s.Buffers.ContainsKey(path) ? s.With(buffers: s.Buffers.Remove(path), changedPath: path) : s);

    /// <summary>Sets a configuration file's text (<c>.tonelsp.yaml</c>, by its full path); null forgets the file.</summary>
    public WorkspaceSnapshot SetConfiguration(string path, string? text) =>
        Update(s => text is null
            ? s.Configurations.ContainsKey(path) ? s.With(configurations: s.Configurations.Remove(path)) : s
            : s.Configurations.TryGetValue(path, out ConfigurationInput? same) && same.Text == text
                ? s
                : s.With(configurations: s.Configurations.SetItem(path, new ConfigurationInput(path, text, ++_clock))));

    /// <summary>Replaces the host's options (the editor's settings, the command line's flags).</summary>
    public WorkspaceSnapshot SetSettings(ToneOptions settings) => Update(s => s.With(settings: settings, settingsStamp: ++_clock));

    /// <summary>Sets the workspace folders, which give the names of twins relative to their folder.</summary>
    public WorkspaceSnapshot SetRoots(IEnumerable<string> roots) => Update(s => s.With(roots: [.. roots.Select(r => r.TrimEnd('/')).Distinct(StringComparer.Ordinal)]));

    private WorkspaceSnapshot Update(Func<WorkspaceSnapshot, WorkspaceSnapshot> change)
    {
        lock (_gate)
        {
            WorkspaceSnapshot previous = _current;
            WorkspaceSnapshot next = change(previous);
            if (!ReferenceEquals(next, previous))
            {
                next = next.Stamped(++_clock);
                if (next.Files.Count < previous.Files.Count || next.Buffers.Count < previous.Buffers.Count)
                {
                    _caches.Forget(next);
                }

                Volatile.Write(ref _current, next);
            }

            return next;
        }
    }
}
