namespace K8sLandscape.Model.Lifecycle;

/// <summary>One state of a lifecycle state model.</summary>
/// <typeparam name="TState">The enum of states.</typeparam>
/// <param name="State">The state.</param>
/// <param name="WireName">How the state is written in objects, e.g. <c>pending-install</c> or <c>InstallReady</c>.</param>
/// <param name="Description">What the state means.</param>
/// <param name="IsTerminal">True when no transition leaves it.</param>
/// <param name="IsStable">True when the owner is at rest there (not in the middle of an operation).</param>
public sealed record LifecycleState<TState>(TState State, string WireName, string Description, bool IsTerminal, bool IsStable)
    where TState : struct, Enum;
