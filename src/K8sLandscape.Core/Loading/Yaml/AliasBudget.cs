namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// A number of alias-expanded nodes shared by the documents of one file, or of one run. Documents
/// are parsed in parallel, yet which of them the budget stops must not depend on timing: the
/// loader decides that afterwards in input order (<see cref="ManifestLoader"/>). While parsing,
/// <see cref="IsExhausted"/> only says "certainly over", counting the documents before this one
/// that are done, so a document it stops would have been stopped in input order too, and the
/// costly part (writing the expanded JSON body) is skipped for it.
/// </summary>
internal sealed class AliasBudget(long limit)
{
    private readonly object _gate = new();
    private readonly List<(long Sequence, long Charge)> _done = [];
    private long _total;
    private long _stoppedFrom = long.MaxValue;

    public long Limit { get; } = limit;

    /// <summary>Records what a finished document used (its whole expansion, even when it is stopped).</summary>
    public void Complete(long sequence, long charge)
    {
        if (charge <= 0) return;
        lock (_gate)
        {
            _done.Add((sequence, charge));
            _total += charge;
        }
    }

    /// <summary>True when the documents before <paramref name="sequence"/> that are done, with <paramref name="charge"/>, pass the limit.</summary>
    public bool IsExhausted(long sequence, long charge)
    {
        if (charge <= 0) return false;
        lock (_gate)
        {
            // What documents add counts even when they are stopped, so the sum before a later
            // document is larger still: the scan below runs only until the budget first runs out.
            if (sequence > _stoppedFrom) return true;
            if (charge <= Limit && _total + charge <= Limit) return false;
            var used = charge;
            foreach (var (s, c) in _done)
            {
                if (s < sequence) used += c;
            }

            if (used <= Limit) return false;
            _stoppedFrom = Math.Min(_stoppedFrom, sequence);
            return true;
        }
    }
}
