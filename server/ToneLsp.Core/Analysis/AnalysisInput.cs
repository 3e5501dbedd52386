using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Analysis;

/// <summary>Where the address form a reply should use comes from.</summary>
public enum AddressTargetSource
{
    /// <summary>No German address form applies (an English reply, or no address at all).</summary>
    None,

    /// <summary>The template's front matter <c>address:</c>.</summary>
    FrontMatter,

    /// <summary>The customer's message, mirrored.</summary>
    Customer,

    /// <summary>The configured default.</summary>
    Configuration,

    /// <summary>The form most of the reply already uses.</summary>
    Majority,
}

/// <summary>The document, the options and the facts every rule shares, computed once per analysis.</summary>
public sealed class AnalysisInput
{
    /// <summary>Computes the shared facts of a document.</summary>
    public AnalysisInput(TemplateDocument document, ToneOptions options)
    {
        Document = document;
        Channel = options.Configuration?.FindChannel(document.Metadata.Channel, options.DocumentPath);
        Options = Effective(options, Channel);
        ReplyAddress = AddressFormDetector.DetectReply(document);
        CustomerAddress = AddressFormDetector.DetectCustomer(document, () => CustomerRegister);
        (TargetAddress, TargetSource) = ResolveTarget();
        MessageLanguage = ResolveMessages(options);
    }

    /// <summary>
    /// The language of this analysis's messages and fix titles: the host's explicit choice, else the configuration's
    /// <c>messages:</c>, else (auto) the template's language, else the host's fallback (editor locale, <c>LANG</c>), else English.
    /// </summary>
    public Language MessageLanguage { get; }

    private Language ResolveMessages(ToneOptions given)
    {
        Configuration.Tonality? tonality = given.Configuration is { } configuration
            ? (Channel?.Tonality ?? new Configuration.Tonality()).Over(configuration.Brand)
            : null;
        MessageChoice choice = given.Messages != MessageChoice.Auto ? given.Messages : tonality?.Messages ?? MessageChoice.Auto;
        return choice switch
        {
            MessageChoice.German => Language.German,
            MessageChoice.English => Language.English,
            _ when Document.LanguageKnown || tonality?.Language is not null => Document.Language,
            _ => given.FallbackMessages ?? Language.English,
        };
    }

    /// <summary>The parsed document.</summary>
    public TemplateDocument Document { get; }

    /// <summary>The options, with the brand and channel tonality of the configuration applied.</summary>
    public ToneOptions Options { get; }

    /// <summary>The channel profile that applies, or null.</summary>
    public Configuration.ChannelProfile? Channel { get; }

    /// <summary>The brand's tonality with the channel's over it; empty without a configuration.</summary>
    public Configuration.Tonality Tonality => _tonality ??= Options.Configuration is { } configuration
        ? (Channel?.Tonality ?? new Configuration.Tonality()).Over(configuration.Brand)
        : new Configuration.Tonality();

    private Configuration.Tonality? _tonality;

    /// <summary>The address form of the reply.</summary>
    public AddressFormResult ReplyAddress { get; }

    /// <summary>The address form of the customer's message, or null without one.</summary>
    public AddressFormResult? CustomerAddress { get; }

    /// <summary>The form the reply should use: du, sie, or none when nothing decides it.</summary>
    public AddressForm TargetAddress { get; }

    /// <summary>Where <see cref="TargetAddress"/> comes from.</summary>
    public AddressTargetSource TargetSource { get; }

    /// <summary>The register of the customer's message, or null without one; detected on first use.</summary>
    public ToneLsp.Core.Tonality.RegisterResult? CustomerRegister => _customerRegisterDone ? _customerRegister : ComputeCustomerRegister();

    /// <summary>The register of the reply, detected on first use.</summary>
    public ToneLsp.Core.Tonality.RegisterResult ReplyRegister => _replyRegister ??= ToneLsp.Core.Tonality.RegisterDetector.DetectReply(Document);

    /// <summary>How hostile the customer's message is; set by the engine before the rules run, null without a customer message.</summary>
    public ToneLsp.Core.Tonality.CustomerHostility? CustomerHostility { get; internal set; }

    private ToneLsp.Core.Tonality.RegisterResult? _customerRegister;
    private bool _customerRegisterDone;
    private ToneLsp.Core.Tonality.RegisterResult? _replyRegister;

    private ToneLsp.Core.Tonality.RegisterResult? ComputeCustomerRegister()
    {
        _customerRegister = ToneLsp.Core.Tonality.RegisterDetector.DetectCustomer(Document);
        _customerRegisterDone = true;
        return _customerRegister;
    }

    /// <summary>The folded words of the reply, built on first use.</summary>
    public Text.WordIndex Words => _words ??= new Text.WordIndex(Document);

    /// <summary>The form rewrites should use: the target, else the reply's own form, else Sie.</summary>
    public AddressForm RewriteAddress =>
        TargetAddress is AddressForm.Du or AddressForm.Sie ? TargetAddress
        : ReplyAddress.Form is AddressForm.Du or AddressForm.Sie ? ReplyAddress.Form
        : AddressForm.Sie;

    private Text.WordIndex? _words;

    /// <summary>
    /// The register of the greetings and closings that fixes write: the customer's, mirrored unless the customer is
    /// hostile, held to the nearest the channel allows (as TONE024 wants it); the reply's own held to the channel's
    /// registers without a customer to mirror; neutral when neither a customer message nor a channel register decides.
    /// </summary>
    public Text.Register SalutationRegister
    {
        get
        {
            IReadOnlyList<Text.Register>? allowed = Tonality.Registers;
            if (CustomerRegister is { } customer && CustomerHostility is not { IsHostile: true })
            {
                return ToneLsp.Core.Tonality.RegisterDetector.Nearest(customer.Register, allowed);
            }

            return allowed is null ? Text.Register.Neutral : ToneLsp.Core.Tonality.RegisterDetector.Nearest(ReplyRegister.Register, allowed);
        }
    }

    /// <summary>The conversion options of this analysis: the configured ones, with greetings and closings in <see cref="SalutationRegister"/>.</summary>
    public ConversionOptions Conversion => Options.Conversion with { SalutationRegister = SalutationRegister };

    // The channel's tonality over the brand's over what the host passed in.
    private static ToneOptions Effective(ToneOptions options, Configuration.ChannelProfile? channel)
    {
        if (options.Configuration is not { } configuration)
        {
            return options;
        }

        Configuration.Tonality tonality = (channel?.Tonality ?? new Configuration.Tonality()).Over(configuration.Brand);
        return options with
        {
            DefaultAddressForm = tonality.Address switch
            {
                Configuration.AddressPreference.Du => AddressForm.Du,
                Configuration.AddressPreference.Sie => AddressForm.Sie,
                Configuration.AddressPreference.Mirror => null,
                _ => options.DefaultAddressForm,
            },
            CapitalizeDu = tonality.CapitalizeDu ?? options.CapitalizeDu,
            Audience = tonality.Audience ?? options.Audience,
            Salutations = tonality.Salutations ?? options.Salutations,
            HumorAllowed = tonality.Humor ?? options.HumorAllowed,
            EmojiPolicy = tonality.Emoji ?? options.EmojiPolicy,
            RequireGreeting = tonality.RequireGreeting ?? options.RequireGreeting,
            RequireClosing = tonality.RequireClosing ?? options.RequireClosing,
        };
    }

    private (AddressForm, AddressTargetSource) ResolveTarget()
    {
        if (Document.Language != Language.German)
        {
            return (AddressForm.None, AddressTargetSource.None);
        }

        if (Document.Metadata.Address is { } configured)
        {
            return (configured, AddressTargetSource.FrontMatter);
        }

        if (CustomerAddress is { Form: AddressForm.Du or AddressForm.Sie, FromRegister: false })
        {
            return (CustomerAddress.Form, AddressTargetSource.Customer);
        }

        // The brand's or channel's form wins over the one a customer's register suggests.
        if (Options.DefaultAddressForm is AddressForm.Du or AddressForm.Sie)
        {
            return (Options.DefaultAddressForm.Value, AddressTargetSource.Configuration);
        }

        if (CustomerAddress is { Form: AddressForm.Du or AddressForm.Sie, FromRegister: true })
        {
            return (CustomerAddress.Form, AddressTargetSource.Customer);
        }

        if (ReplyAddress.DuCount > ReplyAddress.SieCount)
        {
            return (AddressForm.Du, AddressTargetSource.Majority);
        }

        if (ReplyAddress.SieCount > 0)
        {
            return (AddressForm.Sie, AddressTargetSource.Majority);
        }

        return ReplyAddress.Form is AddressForm.Sie ? (AddressForm.Sie, AddressTargetSource.Majority) : (AddressForm.None, AddressTargetSource.None);
    }
}
