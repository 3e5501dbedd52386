using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms;

/// <summary>A word the conversion left unchanged because the analysis could not decide, and why.</summary>
/// <param name="Span">Where the word is.</param>
/// <param name="Word">The word.</param>
/// <param name="Reason">Why it was left, for example "not a known verb", in both message languages.</param>
public sealed record ConversionNote(TextSpan Span, string Word, Diagnostics.LocalText Reason);
