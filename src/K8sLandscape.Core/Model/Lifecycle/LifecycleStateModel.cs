namespace K8sLandscape.Model.Lifecycle;

/// <summary>
/// A lifecycle state machine as typed data: the states a managed thing (a Helm release revision,
/// an OLM ClusterServiceVersion, a KubeVela Application) can be in, and the allowed transitions.
/// Analyzers use it to tell a stuck or impossible state from a normal one.
/// </summary>
/// <typeparam name="TState">The enum of states.</typeparam>
public sealed class LifecycleStateModel<TState>
    where TState : struct, Enum
{
    private readonly Dictionary<string, LifecycleState<TState>> _byWire;
    private readonly Dictionary<TState, LifecycleState<TState>> _byState;
    private readonly HashSet<(TState, TState)> _allowed;

    /// <summary>Creates a model.</summary>
    /// <param name="name">The model's name, e.g. <c>helm-release</c>.</param>
    /// <param name="initial">The state a new thing starts in.</param>
    /// <param name="states">Every state.</param>
    /// <param name="transitions">Every allowed transition.</param>
    /// <param name="wireNamesIgnoreCase">True when objects may write states in any case.</param>
    public LifecycleStateModel(string name, TState initial, IReadOnlyList<LifecycleState<TState>> states, IReadOnlyList<LifecycleTransition<TState>> transitions, bool wireNamesIgnoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(transitions);
        Name = name;
        Initial = initial;
        States = states;
        Transitions = transitions;
        _byWire = states.ToDictionary(s => s.WireName, wireNamesIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        _byState = states.ToDictionary(s => s.State);
        _allowed = transitions.Select(t => (t.From, t.To)).ToHashSet();
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The state a new thing starts in.</summary>
    public TState Initial { get; }

    /// <summary>Every state, in lifecycle order.</summary>
    public IReadOnlyList<LifecycleState<TState>> States { get; }

    /// <summary>Every allowed transition.</summary>
    public IReadOnlyList<LifecycleTransition<TState>> Transitions { get; }

    /// <summary>Whether a thing may move from one state to another.</summary>
    public bool CanTransition(TState from, TState to) => _allowed.Contains((from, to));

    /// <summary>The states reachable in one step.</summary>
    public IEnumerable<TState> Next(TState from) => Transitions.Where(t => EqualityComparer<TState>.Default.Equals(t.From, from)).Select(t => t.To);

    /// <summary>The description of a state.</summary>
    public LifecycleState<TState> Describe(TState state) => _byState[state];

    /// <summary>Reads a state as written in an object.</summary>
    public bool TryParse(string? wireName, out TState state)
    {
        if (wireName is not null && _byWire.TryGetValue(wireName, out var s))
        {
            state = s.State;
            return true;
        }

        state = default;
        return false;
    }

    /// <summary>How a state is written in objects.</summary>
    public string WireName(TState state) => _byState[state].WireName;
}
