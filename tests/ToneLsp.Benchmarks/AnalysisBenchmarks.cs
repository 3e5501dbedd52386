using BenchmarkDotNet.Attributes;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Benchmarks;

/// <summary>
/// The analysis on the keystroke path. Targets: a 2 KB template in 200 µs median with at most 100 KB allocated,
/// a 1 MB document in 100 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalysisBenchmarks
{
    private readonly ToneEngine _engine = ToneEngine.Default;
    private SourceText _edited = null!;
    private AnalysisResult _result = null!;
    private ToneDiagnostic _diagnostic = null!;
    private TemplateDocument _informal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine.Analyze(Corpus.Template2K);
        var text = new SourceText(Corpus.Template2K);
        int middle = text.Length / 2;
        _edited = text.WithChange(new LineRange(text.GetPosition(middle), text.GetPosition(middle)), "x");
        _result = _engine.Analyze(Corpus.Template2K);
        _diagnostic = _result.Diagnostics.First(d => d.Id == "TONE001");
        _informal = TemplateDocument.ParseAs(Corpus.Template2K, Language.German);
    }

    [Benchmark(Baseline = true, Description = "analyse a 2 KB template")]
    public AnalysisResult Template2K() => _engine.Analyze(Corpus.Template2K);

    [Benchmark(Description = "analyse after a one-character edit")]
    public AnalysisResult AfterEdit() => _engine.Analyze(_edited.Text);

    [Benchmark(Description = "analyse a 100 KB collection")]
    public AnalysisResult Collection100K() => _engine.Analyze(Corpus.Collection100K);

    [Benchmark(Description = "analyse a 1 MB document")]
    public AnalysisResult Document1M() => _engine.Analyze(Corpus.Document1M);

    [Benchmark(Description = "code action: fixes for one finding")]
    public IReadOnlyList<CodeFix> CodeAction() => _engine.GetFixes(_result, _diagnostic);

    [Benchmark(Description = "convert a 2 KB template du → Sie")]
    public IReadOnlyList<TextEdit> ConvertToSie() => AddressFormConverter.ConvertDocument(_informal, AddressForm.Sie);
}
