using System.Runtime;
using ToneLsp.Cli;

namespace ToneLsp.Tests;

/// <summary>Tests that change the process-wide GC mode run alone.</summary>
[CollectionDefinition(nameof(GarbageCollectorMode), DisableParallelization = true)]
public sealed class GarbageCollectorMode;

/// <summary>Holding off collections during a batch run, and handing the GC back afterwards.</summary>
[Collection(nameof(GarbageCollectorMode))]
public sealed class BatchMemoryTests
{
    [Fact]
    public void CollectionsWaitDuringARunAndResumeAfterIt()
    {
        using (BatchMemory.HoldCollections(files: 10))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            int collections = GC.CollectionCount(0);
            GC.KeepAlive(new byte[1 << 20]);
            Assert.Equal(collections, GC.CollectionCount(0));

            // A nested run (the tests run the CLI in-process) leaves the outer region alone.
            using (BatchMemory.HoldCollections(files: 10))
            {
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }

            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void ARunThatOutgrowsItsBudgetEndsCleanly()
    {
        IDisposable hold = BatchMemory.HoldCollections(files: 0);
        for (int i = 0; i < 80; i++)
        {
            GC.KeepAlive(new byte[1 << 20]);
        }

        hold.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
