using ToneLsp.Core.Analysis;
using ToneLsp.Core.Text;
using ToneLsp.Server;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The server's per-version document state, which every request waits on.</summary>
public sealed class DocumentSnapshotTests
{
    [Fact]
    public async Task WaitingForAnAnalysisCanBeCancelledWithoutStoppingTheAnalysis()
    {
        string text = LargeDocuments.CleanParagraphs(512 * 1024) + Samples.GermanCondescension;
        var snapshot = new DocumentSnapshot(Samples.Uri("snapshot"), 1, new SourceText(text), ServerSettings.Default, 1, ToneEngine.Default);
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
        var snapshot = new DocumentSnapshot(Samples.Uri("superseded"), 1, new SourceText(text), ServerSettings.Default, 1, ToneEngine.Default);

        Task<AnalysisResult> analysis = snapshot.GetAnalysisAsync();
        snapshot.Superseded.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.WaitAsync(TestTimeouts.Default));
        Assert.False(snapshot.IsAnalyzed);
    }
}
