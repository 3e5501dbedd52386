namespace ToneLsp.Tests.Support;

/// <summary>
/// A thread-safe list of received items that tests can await: a wait returns the first item that
/// matches, whether it arrived before or after the call, and fails with a clear message on timeout.
/// </summary>
public sealed class Inbox<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly List<Waiter> _waiters = [];
    private string? _closedBecause;

    /// <summary>How many items arrived so far; pass it as <c>since</c> to ignore them in a later wait.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A copy of every item received so far, in arrival order.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Records an item and wakes the waits it satisfies; a condition that throws fails its own wait only.</summary>
    public void Add(T item)
    {
        var finished = new List<(Waiter Waiter, Exception? Error)>();
        lock (_gate)
        {
            _items.Add(item);
            foreach (Waiter waiter in _waiters)
            {
                try
                {
                    if (waiter.Match(item))
                    {
                        finished.Add((waiter, null));
                    }
                }
                catch (Exception exception)
                {
                    finished.Add((waiter, exception));
                }
            }

            _waiters.RemoveAll(w => finished.Any(f => f.Waiter == w));
        }

        foreach (var (waiter, error) in finished)
        {
            if (error is null)
            {
                waiter.Done.TrySetResult(item);
            }
            else
            {
                waiter.Done.TrySetException(error);
            }
        }
    }

    /// <summary>Ends the inbox: waits that nothing can satisfy any more fail at once with the reason.</summary>
    public void Close(string reason)
    {
        List<Waiter> pending;
        lock (_gate)
        {
            _closedBecause ??= reason;
            pending = [.. _waiters];
            _waiters.Clear();
        }

        foreach (Waiter waiter in pending)
        {
            waiter.Done.TrySetException(new InvalidOperationException($"Gave up waiting for {waiter.Description}: {reason}"));
        }
    }

    /// <summary>Waits for the first item at index <paramref name="since"/> or later that matches.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, string description, int since = 0, TimeSpan? timeout = null)
    {
        Waiter waiter;
        lock (_gate)
        {
            for (int i = since; i < _items.Count; i++)
            {
                if (match(_items[i]))
                {
                    return _items[i];
                }
            }

            if (_closedBecause is not null)
            {
                throw new InvalidOperationException($"Gave up waiting for {description}: {_closedBecause}");
            }

            waiter = new Waiter(match, description, new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        TimeSpan limit = timeout ?? TestTimeouts.Default;
        try
        {
            return await waiter.Done.Task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {description}; received instead: [{string.Join(", ", Items.Skip(since))}]");
        }
    }

    private sealed record Waiter(Func<T, bool> Match, string Description, TaskCompletionSource<T> Done);
}

/// <summary>How long tests wait for something that should happen at once.</summary>
public static class TestTimeouts
{
    /// <summary>Long enough for a busy two-core CI machine, short enough to fail fast when a message never comes.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);
}
