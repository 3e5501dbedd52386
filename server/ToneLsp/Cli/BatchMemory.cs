using System.Runtime;

namespace ToneLsp.Cli;

/// <summary>
/// Holds off garbage collection during one batch run over templates. A run keeps every document and result alive
/// until its report is written, so a collection in between finds almost nothing to free and only copies live data;
/// in the native build that copying took about a fifth of a run's time. Within a budget that grows with the number
/// of files, the GC waits; beyond it, or when a region is already held, the GC works as usual.
/// </summary>
internal static class BatchMemory
{
    /// <summary>The most a run asks the GC to set aside.</summary>
    public const long MaximumBudget = 256L << 20;

    // Measured: about 41 KB allocated per template of 4 KB on the manual-page corpus; this leaves room for larger ones.
    private const long BudgetPerFile = 64L << 10;
    private const long BaseBudget = 32L << 20;

    private static readonly object Gate = new();

    /// <summary>Starts holding collections for a run over this many files; disposing ends it.</summary>
    public static IDisposable HoldCollections(int files)
    {
        long budget = Math.Min(MaximumBudget, BaseBudget + (files * BudgetPerFile));
        lock (Gate)
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                return Release.Nothing;
            }

            try
            {
                return GC.TryStartNoGCRegion(budget) ? Release.Region : Release.Nothing;
            }
            catch (Exception exception) when (exception is ArgumentOutOfRangeException or InvalidOperationException)
            {
                return Release.Nothing;
            }
        }
    }

    private sealed class Release(bool endsRegion) : IDisposable
    {
        public static readonly Release Nothing = new(false);
        public static readonly Release Region = new(true);

        public void Dispose()
        {
            if (!endsRegion)
            {
                return;
            }

            lock (Gate)
            {
                try
                {
                    if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                    {
                        GC.EndNoGCRegion();
                    }
                }
                catch (InvalidOperationException)
                {
                    // The budget ran out and the GC already ended the region.
                }
            }
        }
    }
}
