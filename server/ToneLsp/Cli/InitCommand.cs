using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Repository;

namespace ToneLsp.Cli;

/// <summary>
/// <c>tonelsp init</c>: writes a commented <c>.tonelsp.yaml</c> for a brand. On a terminal without answers on the
/// command line it asks for the language, the default form of address and the channels; with <c>--language</c>,
/// <c>--address</c> or <c>--channel</c>, or without a terminal, it asks nothing and uses the defaults for the rest.
/// It never overwrites a file; with <c>--baseline</c> it also records today's findings so a team can adopt the
/// tool on an existing repository in one step.
/// </summary>
public static partial class InitCommand
{
    /// <summary>The name of the baseline file <c>--baseline</c> writes next to the configuration.</summary>
    public const string BaselineFileName = "tonelsp-baseline.json";

    /// <summary>What the configuration says about the brand.</summary>
    public sealed record Answers(string Language, string Address, IReadOnlyList<string> Channels);

    /// <summary>Creates the command; <paramref name="isTerminal"/> tells whether questions may be asked on <paramref name="input"/>.</summary>
    public static Command Create(TextReader input, TextWriter output, TextWriter error, Func<bool> isTerminal, Func<ToneEngine> engine)
    {
        var directory = new Argument<string>("directory") { Description = "Where to write .tonelsp.yaml (the repository root).", DefaultValueFactory = _ => "." };
        var language = new Option<string?>("--language") { Description = "The replies' language when detection cannot decide: de or en." };
        language.AcceptOnlyFromAmong("de", "en");
        var address = new Option<string?>("--address") { Description = "The default form of address: du, sie or mirror (follow the customer)." };
        address.AcceptOnlyFromAmong("du", "sie", "mirror");
        var channels = new Option<string[]>("--channel") { Description = "A channel (email, instagram …), with templates under NAME/; repeat for more.", AllowMultipleArgumentsPerToken = false };
        var baseline = new Option<bool>("--baseline") { Description = $"Also record today's findings in {BaselineFileName}, for check --baseline." };
        var messages = CliApp.MessagesOption();
        var command = new Command("init", "Write a commented .tonelsp.yaml for a brand (asks on a terminal; never overwrites a file).")
        {
            directory, language, address, channels, baseline, messages,
        };
        command.SetAction(parse =>
        {
            Language ui = CliText.SessionLanguage(Messages.ParseChoice(parse.GetValue(messages)) ?? MessageChoice.Auto);
            string root = parse.GetValue(directory)!;
            if (!Directory.Exists(root))
            {
                throw new CliException(CliText.InitNotADirectory, root);
            }

            string configurationPath = Path.Combine(root, ConfigurationParser.FileName);
            string baselinePath = Path.Combine(root, BaselineFileName);
            bool withBaseline = parse.GetValue(baseline);
            foreach (string path in withBaseline ? [configurationPath, baselinePath] : new[] { configurationPath })
            {
                if (File.Exists(path) || Directory.Exists(path))
                {
                    throw new CliException(CliText.InitExists, path);
                }
            }

            string? givenLanguage = parse.GetValue(language);
            string? givenAddress = parse.GetValue(address);
            string[] givenChannels = parse.GetValue(channels) ?? [];
            foreach (string channel in givenChannels)
            {
                if (!ChannelName().IsMatch(channel))
                {
                    throw new CliException(CliText.InitBadChannel, channel);
                }
            }

            bool answersGiven = givenLanguage is not null || givenAddress is not null || givenChannels.Length > 0;
            Answers answers = !answersGiven && isTerminal()
                ? Ask(input, output, ui)
                : new Answers(givenLanguage ?? "de", givenAddress ?? "mirror", [.. givenChannels.Distinct(StringComparer.OrdinalIgnoreCase)]);

            // CreateNew: a file that appeared since the check above is not overwritten either.
            using (var stream = new FileStream(configurationPath, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(Render(answers, ui));
            }

            output.WriteLine(CliText.InitWrote.Format(ui, configurationPath));
            if (withBaseline)
            {
                var configurations = new ConfigurationProvider(rememberDirectories: true);
                var files = TemplateDiscovery.Find([root], configurations);
                CheckRun run = CheckRunner.Run(files, engine, ToneOptions.Default, configurations);
                Baseline.Write(baselinePath, run.Reports);
                output.WriteLine(CliText.InitRecorded.Format(ui, run.Reports.Sum(r => r.Findings.Count), run.Reports.Count, baselinePath, root));
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The commented configuration for the answers, its comments in the language; it loads without errors.</summary>
    public static string Render(Answers answers, Language language = Language.English)
    {
        var yaml = new StringBuilder();
        yaml.Append(CliText.InitFileHeader.In(language)).Append("brand:\n");
        yaml.Append($"  language: {answers.Language,-14}# {CliText.InitFileLanguage.In(language)}\n");
        yaml.Append($"  address: {answers.Address,-15}# {CliText.InitFileAddress.In(language)}\n");
        yaml.Append(CliText.InitFileBrandOptions.In(language));
        if (answers.Channels.Count == 0)
        {
            yaml.Append(CliText.InitFileNoChannels.In(language));
        }
        else
        {
            yaml.Append(CliText.InitFileChannels.In(language)).Append("channels:\n");
            foreach (string channel in answers.Channels)
            {
                yaml.Append($"  {channel}:\n");
                yaml.Append($"    paths: [\"{channel}/**\"]\n");
                yaml.Append($"    # address: du          # {CliText.InitFileChannelAddress.In(language)}\n");
                yaml.Append("    # emoji: allowed\n");
            }
        }

        yaml.Append(CliText.InitFileTail.In(language));
        return yaml.ToString();
    }

    // Asks on the terminal; an empty answer takes the default, a wrong one is asked again, the end of input takes the defaults.
    private static Answers Ask(TextReader input, TextWriter output, Language ui)
    {
        string language = AskOne(input, output, ui, CliText.InitAskLanguage.In(ui), "de", answer => answer is "de" or "en");
        string address = AskOne(input, output, ui, CliText.InitAskAddress.In(ui), "mirror", answer => answer is "du" or "sie" or "mirror");
        string channelAnswer = AskOne(input, output, ui, CliText.InitAskChannels.In(ui), string.Empty,
            answer => answer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(ChannelName().IsMatch));
        string[] channels = [.. channelAnswer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
        return new Answers(language, address, channels);
    }

    private static string AskOne(TextReader input, TextWriter output, Language ui, string question, string defaultValue, Func<string, bool> valid)
    {
        while (true)
        {
            output.Write(defaultValue.Length > 0 ? $"{question} [{defaultValue}]: " : $"{question}: ");
            output.Flush();
            string? line = input.ReadLine();
            if (line is null)
            {
                output.WriteLine();
                return defaultValue;
            }

            string answer = line.Trim().ToLowerInvariant();
            if (answer.Length == 0)
            {
                return defaultValue;
            }

            if (valid(answer))
            {
                return answer;
            }

            output.WriteLine(CliText.InitNotAChoice.Format(ui, line.Trim()));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex ChannelName();
}
