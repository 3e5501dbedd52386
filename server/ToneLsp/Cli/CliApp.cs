using System.CommandLine;
using Spectre.Console;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Text;
using ToneLsp.Core.Workspaces;
using ToneLsp.Repository;
using ToneLsp.Server;

namespace ToneLsp.Cli;

/// <summary>
/// The command line: <c>serve</c> (the language server), <c>check</c>, <c>fix</c>, <c>convert</c>,
/// <c>explain</c> and <c>init</c>. Exit codes: 0 success, 1 findings at or above the fail level, 2 usage or I/O errors.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code when findings reach the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Exit code for usage and I/O errors.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line with the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, ToneEngine? engine = null)
    {
        // The built-in rules load on another core while the command line is parsed and templates are found and read.
        // The server compiles phrase expressions; a single run over a repository interprets them (PhraseExpressions).
        PhraseExpressions expressions = args.FirstOrDefault() == "serve" ? PhraseExpressions.Compiled : PhraseExpressions.Interpreted;
        Task<ToneEngine> loading = engine is not null ? Task.FromResult(engine) : Task.Run(() => ToneEngine.For(expressions));
        RootCommand root = Build(output, error, () => loading.GetAwaiter().GetResult());
        Language session = CliText.SessionLanguage(ChoiceFromArguments(args));
        Localize(root, session);

        // System.CommandLine ships German texts for its parse errors and help headings; they follow the UI culture.
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = session == Language.German ? GermanUiCulture.Value : System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return Run(root, args, output, error, session);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    // Under invariant globalization a culture is only a name for resource lookup (PredefinedCulturesOnly is off).
    private static readonly Lazy<System.Globalization.CultureInfo> GermanUiCulture = new(() => new System.Globalization.CultureInfo("de"));

    private static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error, Language session)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"tonelsp: {CliText.ParseErrorIn(problem.Message, session)}");
            }

            error.WriteLine(CliText.SeeHelp.In(session));
            return UsageError;
        }

        try
        {
            if (session != Language.English && parse.Action is System.CommandLine.Help.HelpAction)
            {
                // The help is written in full first, so that the headings System.CommandLine leaves in English can be replaced.
                using var help = new StringWriter();
                int code = parse.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
                output.Write(CliText.HelpOutputIn(help.ToString(), session));
                return code;
            }

            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException exception)
        {
            error.WriteLine($"tonelsp: {exception.Text?.Format(session, exception.Arguments) ?? exception.Message}");
            return UsageError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The operating system's text comes from .NET in English; the sentence around it is ours.
            error.WriteLine($"tonelsp: {CliText.InputOutputFailed.Format(session, CliText.ReadReason(exception.Message, session))}");
            return UsageError;
        }
    }

    // The --messages value where the parse is not at hand (a usage error, an error thrown while running).
    private static MessageChoice ChoiceFromArguments(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string? value = args[i].StartsWith("--messages=", StringComparison.Ordinal) ? args[i]["--messages=".Length..]
                : args[i] == "--messages" && i + 1 < args.Length ? args[i + 1] : null;
            if (Messages.ParseChoice(value) is { } choice)
            {
                return choice;
            }
        }

        return MessageChoice.Auto;
    }

    /// <summary>The command tree's descriptions in the language, for <c>--help</c>; a description the catalogue lacks stays English.</summary>
    public static void Localize(Command command, Language language)
    {
        if (language == Language.English)
        {
            return;
        }

        command.Description = CliText.HelpIn(command.Description ?? string.Empty, language) ?? command.Description;
        foreach (Option option in command.Options)
        {
            option.Description = CliText.HelpIn(option.Description ?? string.Empty, language) ?? option.Description;
        }

        foreach (Argument argument in command.Arguments)
        {
            argument.Description = CliText.HelpIn(argument.Description ?? string.Empty, language) ?? argument.Description;
        }

        foreach (Command subcommand in command.Subcommands)
        {
            Localize(subcommand, language);
        }
    }

    /// <summary>The whole command tree, as <c>tonelsp</c> runs it, for tests of its help texts.</summary>
    public static RootCommand CommandTree() => Build(TextWriter.Null, TextWriter.Null, () => ToneEngine.Default);

    internal static Option<string> MessagesOption()
    {
        var messages = new Option<string>("--messages")
        {
            Description = "The language of messages, explanations and fixes: auto (the template's language, else LANG), de or en.",
            DefaultValueFactory = _ => "auto",
        };
        messages.AcceptOnlyFromAmong("auto", "de", "en");
        return messages;
    }

    private static RootCommand Build(TextWriter output, TextWriter error, Func<ToneEngine> engine)
    {
        var root = new RootCommand("ToneLsp: a tone linter and language server for customer reply templates (German and English).");
        root.Subcommands.Add(ServeCommand());
        root.Subcommands.Add(CheckCommand(output, error, engine));
        root.Subcommands.Add(FixCommand(output, error, engine));
        root.Subcommands.Add(ConvertCommand(output));
        root.Subcommands.Add(ExplainCommand(output, engine));
        root.Subcommands.Add(LexiconCommand.Create(output, error));
        root.Subcommands.Add(InitCommand.Create(Console.In, output, error, () => !Console.IsInputRedirected, engine));
        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(output);
        }

        return root;
    }

    private static Command ServeCommand()
    {
        var logLevel = new Option<string>("--log-level") { Description = "Log level for stderr and window/logMessage: trace, debug, information, warning, error.", DefaultValueFactory = _ => "information" };
        logLevel.AcceptOnlyFromAmong("trace", "debug", "information", "warning", "error");
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over standard input and output (the default and only transport)." };
        var command = new Command("serve", "Run the language server over standard input and output.") { logLevel, stdio };
        command.SetAction(parse => Serve(Enum.Parse<LogLevel>(parse.GetValue(logLevel)!, ignoreCase: true)));
        return command;
    }

    private static int Serve(LogLevel level)
    {
        Stream input = Console.OpenStandardInput();
        Stream output = Console.OpenStandardOutput();

        // Standard output belongs to the protocol; anything written to Console.Out goes to stderr instead.
        Console.SetOut(Console.Error);
        var clientLog = new LspLoggerProvider(LogLevel.Information > level ? LogLevel.Information : level);
        using ILoggerFactory loggers = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(level);
            builder.AddSimpleConsole(o => { o.SingleLine = true; o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled; o.TimestampFormat = "HH:mm:ss.fff "; });
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.AddProvider(clientLog);
        });
        var server = new ToneLanguageServer(ToneEngine.Default, loggers, clientLog);
        return server.RunAsync(input, output).GetAwaiter().GetResult();
    }

    private static Command CheckCommand(TextWriter output, TextWriter error, Func<ToneEngine> engine)
    {
        var paths = PathsArgument();
        var format = new Option<string>("--format") { Description = "Output format: text, json, sarif or github.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var failLevel = new Option<string>("--fail-level") { Description = "Exit 1 when a finding is at or above this severity.", DefaultValueFactory = _ => "warning" };
        failLevel.AcceptOnlyFromAmong("error", "warning", "information", "hint");
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings that are not in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record today's findings in this file and exit 0." };
        var reportSuppressions = new Option<bool>("--report-suppressions") { Description = "List every suppression comment with its reason; unused ones are marked." };
        var testRules = new Option<bool>("--test-rules") { Description = "Run the flag and pass lines of the team's own phrases in .tonelsp.yaml instead of checking templates." };
        var (language, address, capitalize, rules, humor) = AnalysisOptions();
        var messages = MessagesOption();
        var command = new Command("check", "Check reply templates for tone problems.")
        {
            paths, format, failLevel, baseline, writeBaseline, reportSuppressions, testRules, language, address, capitalize, rules, humor, messages,
        };
        command.SetAction(parse =>
        {
            ToneOptions options = ReadOptions(parse, language, address, capitalize, rules, messages) with { HumorAllowed = parse.GetValue(humor) };
            string[] inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var configurations = new ConfigurationProvider(rememberDirectories: true);
            var files = TemplateDiscovery.Find(inputs, configurations);
            ValidateRuleSettings(options, files, configurations);
            if (parse.GetValue(testRules))
            {
                return TestTeamRules(output, error, engine(), options, configurations, inputs, files, CliText.SessionLanguage(options.Messages));
            }

            using IDisposable holdCollections = BatchMemory.HoldCollections(files.Count);
            string selectedFormat = parse.GetValue(format)!;
            CheckRun run = WithProgress(error, selectedFormat == "text", files.Count, CliText.SessionLanguage(options.Messages), tick => CheckRunner.Run(files, engine, options, configurations, tick));
            IReadOnlyList<FileReport> reports = run.Reports;
            Language session = CliText.SessionLanguage(options.Messages, reports.Select(r => r.Result.Input.MessageLanguage));
            if (parse.GetValue(writeBaseline) is { } baselinePath)
            {
                Baseline.Write(baselinePath, reports);
                error.WriteLine(CliText.WroteBaseline.Format(session, reports.Sum(r => r.Findings.Count), reports.Count, baselinePath));
                return ReportConfigurationErrors(error, run, session) | ReportUnreadableFiles(error, run, session) | ReportAnalysisFailures(error, run, session) ? UsageError : Success;
            }

            if (parse.GetValue(baseline) is { } baselineFile)
            {
                reports = Baseline.Read(baselineFile).Filter(reports);
            }

            output.Write(selectedFormat switch
            {
                "json" => JsonReport.Write(reports) + "\n",
                "sarif" => SarifReport.Write(reports, engine().Descriptors, session) + "\n",
                "github" => GithubReport.Write(reports),
                _ => TextReport.Write(reports, UseColor(output), session),
            });
            if (parse.GetValue(reportSuppressions))
            {
                (selectedFormat == "text" ? output : error).Write(TextReport.Suppressions(reports, session));
            }

            if (ReportConfigurationErrors(error, run, session) | ReportUnreadableFiles(error, run, session) | ReportAnalysisFailures(error, run, session))
            {
                return UsageError;
            }

            DiagnosticSeverity level = ParseSeverity(parse.GetValue(failLevel)!);
            return CheckRunner.Fails(reports, level) ? Findings : Success;
        });
        return command;
    }

    private static Command FixCommand(TextWriter output, TextWriter error, Func<ToneEngine> engine)
    {
        var paths = PathsArgument();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff of what would change; write nothing." };
        var (language, address, capitalize, rules, humor) = AnalysisOptions();
        var messages = MessagesOption();
        var command = new Command("fix", "Apply every preferred fix whose edits do not overlap.") { paths, dryRun, language, address, capitalize, rules, humor, messages };
        command.SetAction(parse =>
        {
            ToneOptions options = ReadOptions(parse, language, address, capitalize, rules, messages) with { HumorAllowed = parse.GetValue(humor) };
            string[] inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var configurations = new ConfigurationProvider(rememberDirectories: true);
            var files = TemplateDiscovery.Find(inputs, configurations);
            ValidateRuleSettings(options, files, configurations);
            using IDisposable holdCollections = BatchMemory.HoldCollections(files.Count);
            CheckRun run = CheckRunner.Run(files, engine, options, configurations);
            Language session = CliText.SessionLanguage(options.Messages, run.Reports.Select(r => r.Result.Input.MessageLanguage));
            int changedFiles = 0, applied = 0, failed = 0;
            foreach (FileReport report in run.Reports)
            {
                IReadOnlyList<TextEdit> edits = engine().GetFixAllEdits(report.Result);
                if (edits.Count == 0)
                {
                    continue;
                }

                SourceText source = report.Result.Document.Source;
                string lineBreak = source.DominantLineBreak;
                var withLineBreaks = edits.Select(e => e with { NewText = lineBreak == "\n" ? e.NewText : e.NewText.Replace("\r\n", "\n").Replace("\n", lineBreak) }).ToList();
                string fixedText = source.ApplyEdits(withLineBreaks);
                if (parse.GetValue(dryRun))
                {
                    output.Write(UnifiedDiff.Create(report.File.DisplayPath, source.Text, fixedText));
                }
                else
                {
                    try
                    {
                        SafeWriter.Write(report.File, withLineBreaks);
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        failed++;
                        error.WriteLine($"tonelsp: {report.File.DisplayPath}: {CliText.WriteFailed.Format(session, CliText.ReadReason(exception.Message, session))}");
                        continue;
                    }
                }

                changedFiles++;
                applied += edits.Count;
            }

            (parse.GetValue(dryRun) ? error : output).WriteLine((parse.GetValue(dryRun) ? CliText.WouldApply : CliText.Applied).Format(session, CliText.EditsIn(applied, session), CliText.FilesOfFix(changedFiles, session)));
            return ReportConfigurationErrors(error, run, session) | ReportUnreadableFiles(error, run, session) | ReportAnalysisFailures(error, run, session) || failed > 0 ? UsageError : Success;
        });
        return command;
    }

    // Configuration errors are printed with file and line; checking still ran with what was valid.
    // Every configuration that applies to the inputs, once, with the team phrases it defines and their examples run.
    private static int TestTeamRules(TextWriter output, TextWriter error, ToneEngine engine, ToneOptions options, ConfigurationProvider configurations,
                                     string[] inputs, IReadOnlyList<TemplatePath> files, Language session)
    {
        var resolved = files.Select(f => configurations.ForFile(f.FullPath))
            .Concat(inputs.Select(configurations.For))
            .DistinctBy(r => string.Join("\n", r.Files))
            .ToList();
        var errors = resolved.SelectMany(r => r.Errors).Distinct().ToList();
        foreach (ConfigurationError problem in errors)
        {
            error.WriteLine($"{problem.Source}:{problem.Line}:{problem.Column}: error: {problem.MessageIn(session)}");
        }

        var tested = new HashSet<(string, string)>();
        int phrases = 0, lines = 0, failed = 0;
        foreach (ResolvedConfiguration configuration in resolved)
        {
            ToneOptions withTeam = configuration.Configuration.Apply(options, "example.md");
            foreach (LexiconRule rule in configuration.Configuration.TeamRules.Where(r => tested.Add((r.SourceName, r.Descriptor.Id))))
            {
                phrases++;
                lines += rule.Phrases.DistinctBy(p => p.SourceLine).Sum(p => p.Flag.Count + p.Pass.Count);
                foreach (RuleExampleFailure failure in RuleExamples.Check(engine, rule, withTeam))
                {
                    failed++;
                    output.WriteLine(failure.ToString(session));
                }
            }
        }

        output.WriteLine(phrases == 0
            ? CliText.NoTeamPhrases.In(session)
            : CliText.TeamPhrasesTested.Format(
                session,
                (phrases == 1 ? CliText.OneTeamPhrase : CliText.ManyTeamPhrases).Format(session, phrases),
                (lines == 1 ? CliText.OneExampleLine : CliText.ManyExampleLines).Format(session, lines),
                failed == 0 ? CliText.AllBehave.In(session) : CliText.SomeFailed.Format(session, failed)));
        return errors.Count > 0 ? UsageError : failed > 0 ? Findings : Success;
    }

    private static bool ReportConfigurationErrors(TextWriter error, CheckRun run, Language session)
    {
        foreach (var problem in run.ConfigurationErrors)
        {
            error.WriteLine($"{problem.Source}:{problem.Line}:{problem.Column}: error: {problem.MessageIn(session)}");
        }

        return run.ConfigurationErrors.Count > 0;
    }

    // A part of the analysis that did not run (a team pattern over its time limit) makes the check incomplete: said
    // per file, and the run does not pass as if everything had been checked.
    private static bool ReportAnalysisFailures(TextWriter error, CheckRun run, Language session)
    {
        bool any = false;
        foreach (FileReport report in run.Reports)
        {
            foreach (string failure in report.Result.Failures)
            {
                error.WriteLine($"{report.File.DisplayPath}: error: {failure}");
                any = true;
            }
        }

        return any;
    }

    // Each file that could not be read, one line each; every other file was still checked.
    private static bool ReportUnreadableFiles(TextWriter error, CheckRun run, Language session)
    {
        foreach (FileError problem in run.FileErrors)
        {
            error.WriteLine($"{problem.DisplayPath}: {problem.MessageIn(session)}");
        }

        return run.FileErrors.Count > 0;
    }

    // A progress bar on a terminal for the text format; nothing when stderr is redirected.
    private static T WithProgress<T>(TextWriter error, bool textFormat, int total, Language language, Func<Action, T> work)
    {
        if (!textFormat || total < 20 || !ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected ||
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            return work(() => { });
        }

        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask(CliText.Progress.In(language), maxValue: total);
            result = work(() => task.Increment(1));
        });
        return result;
    }

    private static Command ConvertCommand(TextWriter output)
    {
        var to = new Option<string>("--to") { Description = "The target form of address: du or sie.", Required = true };
        to.AcceptOnlyFromAmong("du", "sie", "Du", "Sie");
        var file = new Argument<string>("file") { Description = "The template to convert, or - for standard input." };
        var capitalize = new Option<bool>("--capitalize-du") { Description = "Write Du, Dich, Dein with a capital letter." };
        var audience = new Option<string>("--audience")
        {
            Description = "Whom a reply converted to du addresses: singular (du) or plural (ihr). Front matter audience: overrides it.",
            DefaultValueFactory = _ => "singular",
        };
        audience.AcceptOnlyFromAmong("singular", "plural");
        var eachLine = new Option<bool>("--each-line") { Description = "Convert every line as a document of its own (for lists of snippets)." };
        var trace = new Option<bool>("--trace") { Description = "Print the analysis of every sentence (clauses, subjects, verbs, word tags) on standard error." };
        var messages = MessagesOption();
        var command = new Command("convert", "Print a German reply converted between du and Sie, verbs included. Words it cannot decide stay as they are and are listed on standard error.")
        {
            to, file, capitalize, audience, eachLine, trace, messages,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            string text = path == "-" ? Console.In.ReadToEnd() : ReadExisting(path);

            // The notes on standard error are about a German reply: auto speaks German unless --messages says otherwise.
            Language language = Messages.ParseChoice(parse.GetValue(messages)) == MessageChoice.English ? Language.English : Language.German;
            AddressForm target = AddressFormNames.Parse(parse.GetValue(to)) ?? AddressForm.Sie;

            // The template goes into the workspace with the configuration files above it, so the brand's and channel's
            // capitalizeDu and audience apply as in the editor; a flag given on the command line wins.
            ConversionOptions Adjust(ConversionOptions configured) => configured with
            {
                CapitalizeDu = parse.GetResult(capitalize) is { Implicit: false } ? parse.GetValue(capitalize) : configured.CapitalizeDu,
                Audience = parse.GetResult(audience) is { Implicit: false } ? parse.GetValue(audience) == "plural" ? Audience.Plural : Audience.Singular : configured.Audience,
                Trace = parse.GetValue(trace) ? Console.Error.Write : null,
            };
            string fullPath = path == "-" ? Path.Combine(Directory.GetCurrentDirectory(), "stdin.md") : Path.GetFullPath(path);
            var workspace = new TemplateWorkspace(null, new WorkspaceOptions { RetainedFileAnalyses = 0, PhraseExpressions = PhraseExpressions.Interpreted });
            var configurations = new ConfigurationProvider();
            foreach (string configuration in configurations.For(fullPath).Files)
            {
                workspace.SetConfiguration(configuration, configurations.TextOf(configuration));
            }

            if (parse.GetValue(eachLine))
            {
                string[] lines = text.Split('\n');
                for (int line = 0; line < lines.Length; line++)
                {
                    WorkspaceSnapshot snapshot = workspace.SetFile(fullPath, lines[line].TrimEnd('\r'));
                    output.Write(Convert(snapshot, fullPath, target, Adjust, line, language));
                    output.Write('\n');
                }

                return Success;
            }

            output.Write(Convert(workspace.SetFile(fullPath, text), fullPath, target, Adjust, 0, language));
            return Success;
        });
        return command;
    }

    // Converts one template of the workspace and reports the words left unchanged on standard error, by line (counted from 1).
    private static string Convert(WorkspaceSnapshot snapshot, string path, AddressForm target, Func<ConversionOptions, ConversionOptions> adjust, int firstLine, Language language)
    {
        WorkspaceDocument document = snapshot.Document(path)!;
        ConversionResult result = snapshot.Convert(path, target, adjust)!;
        foreach (ConversionNote note in result.Notes)
        {
            int line = firstLine + document.Text.GetLineNumber(note.Span.Start) + 1;
            Console.Error.WriteLine(CliText.LeftUnchanged.Format(language, line, note.Word, note.Reason.In(language)));
        }

        return document.Text.ApplyEdits(result.Edits);
    }

    private static Command ExplainCommand(TextWriter output, Func<ToneEngine> engine)
    {
        var rule = new Argument<string?>("rule") { Description = "A rule ID such as TONE001, or a category; all rules when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var messages = MessagesOption();
        var command = new Command("explain", "Explain a rule: what it finds, why it matters, what to write instead.") { rule, messages };
        command.SetAction(parse =>
        {
            string? id = parse.GetValue(rule);
            Language language = CliText.SessionLanguage(Messages.ParseChoice(parse.GetValue(messages)) ?? MessageChoice.Auto);
            if (string.IsNullOrWhiteSpace(id))
            {
                foreach (DiagnosticDescriptor descriptor in engine().Descriptors)
                {
                    output.WriteLine($"{descriptor.Id}  {descriptor.Category,-16} {JsonReport.SeverityName(descriptor.DefaultSeverity),-11} {descriptor.Title(language)}");
                }

                return Success;
            }

            var matches = engine().Descriptors.Where(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Category, id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                throw new CliException(CliText.UnknownRule, id, string.Join(", ", engine().Descriptors.Select(d => d.Id)));
            }

            foreach (DiagnosticDescriptor descriptor in matches)
            {
                RuleTexts texts = descriptor.Texts(language);
                output.WriteLine($"{descriptor.Id}: {texts.Title}");
                output.WriteLine(CliText.ExplainCategory.Format(language, descriptor.Category, JsonReport.SeverityName(descriptor.DefaultSeverity)));
                output.WriteLine();
                output.WriteLine(texts.HelpText);
                if (texts.Example.Length > 0)
                {
                    output.WriteLine();
                    output.WriteLine(CliText.ExplainExample.Format(language, texts.Example));
                }

                output.WriteLine();
            }

            return Success;
        });
        return command;
    }

    private static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or directories; directories are searched for *.md.", Arity = ArgumentArity.ZeroOrMore };

        // The parser takes an unknown option such as --bogus for a path; name it as the option it is.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    // In English here; the parse-error path gives it in the session's language (CliText.ParseErrorIn).
                    result.AddError(CliText.ParseUnknownOption.Format(Language.English, token.Value));
                }
            }
        });
        return paths;
    }

    private static (Option<string?> Language, Option<string?> Address, Option<bool> Capitalize, Option<string[]> Rules, Option<bool> Humor) AnalysisOptions()
    {
        var language = new Option<string?>("--language") { Description = "Language when front matter is silent and detection undecided: de or en." };
        language.AcceptOnlyFromAmong("de", "en");
        var address = new Option<string?>("--address") { Description = "Address form a reply should use when neither front matter nor the customer decides: du or sie." };
        address.AcceptOnlyFromAmong("du", "sie");
        var capitalize = new Option<bool>("--capitalize-du") { Description = "Write Du, Dich, Dein with a capital letter in rewrites." };
        var humor = new Option<bool>("--humor") { Description = "The brand allows humour: report sarcasm as information, not as a warning." };
        var rules = new Option<string[]>("--rule") { Description = "Set a rule's or category's severity, e.g. --rule TONE001=off --rule sarcasm=information.", AllowMultipleArgumentsPerToken = false };
        return (language, address, capitalize, rules, humor);
    }

    private static ToneOptions ReadOptions(ParseResult parse, Option<string?> language, Option<string?> address, Option<bool> capitalize, Option<string[]> rules, Option<string> messages)
    {
        var settings = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (string rule in parse.GetValue(rules) ?? [])
        {
            string[] parts = rule.Split('=', 2);
            if (parts.Length != 2 || ToneOptions.ParseSetting(parts[1]) is not { } setting)
            {
                throw new CliException(CliText.BadRuleSetting, rule);
            }

            settings[parts[0].Trim()] = setting;
        }

        return new ToneOptions
        {
            DefaultLanguage = parse.GetValue(language) == "en" ? Language.English : Language.German,
            DefaultAddressForm = AddressFormNames.Parse(parse.GetValue(address)),
            CapitalizeDu = parse.GetValue(capitalize),
            Rules = settings,
            Messages = Messages.ParseChoice(parse.GetValue(messages)) ?? MessageChoice.Auto,
            FallbackMessages = CliText.EnvironmentLanguage(),
        };
    }

    // "--rule TONE999=off" is a mistake to report, not a setting to ignore: a rule is a built-in ID or category, or a
    // team rule of a configuration that applies to the files.
    private static void ValidateRuleSettings(ToneOptions options, IReadOnlyList<TemplatePath> files, ConfigurationProvider configurations)
    {
        if (options.Rules is not { Count: > 0 } rules)
        {
            return;
        }

        HashSet<string> known = BuiltInRules.RuleKeys();
        foreach (TemplatePath file in files)
        {
            known.UnionWith(configurations.ForFile(file.FullPath).Configuration.TeamRules.Select(r => r.Descriptor.Id));
        }

        foreach (string id in rules.Keys)
        {
            if (!known.Contains(id))
            {
                throw new CliException(CliText.UnknownRuleSetting, id, EditDistance.DidYouMean(id, known));
            }
        }
    }

    private static string ReadExisting(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException(CliText.NoSuchFile, path);
        }

        return TemplateFiles.Read(path, path).Text;
    }

    private static DiagnosticSeverity ParseSeverity(string value) => value switch
    {
        "error" => DiagnosticSeverity.Error,
        "information" => DiagnosticSeverity.Information,
        "hint" => DiagnosticSeverity.Hint,
        _ => DiagnosticSeverity.Warning,
    };

    private static bool UseColor(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    // --version prints the version with the commit it was built from as SemVer build metadata: 0.1.0+1a2b3c4d5e6f.
    private sealed class VersionAction(TextWriter output) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine(ToolInfo.VersionWithCommit);
            return Success;
        }
    }
}

/// <summary>A usage error with a message for the user, in English and, given its text, in either language.</summary>
public sealed class CliException(string message) : Exception(message)
{
    /// <summary>A usage error from the catalogue, shown in the session's language.</summary>
    public CliException(LocalText text, params object?[] arguments)
        : this(text.Format(Language.English, arguments))
    {
        Text = text;
        Arguments = arguments;
    }

    /// <summary>The message in both languages, when it comes from the catalogue.</summary>
    public LocalText? Text { get; }

    /// <summary>The message's arguments.</summary>
    public object?[] Arguments { get; } = [];
}
