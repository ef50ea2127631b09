namespace K8sLandscape.Analyzers.Validation;

/// <summary>
/// The state a validation failure carries to become a finding: the message arguments of the
/// validator's rule and, optionally, the field to point at (otherwise derived from the failure's
/// property name: <c>Webhooks[1].SideEffects</c> → <c>webhooks[1].sideEffects</c>).
/// </summary>
/// <param name="Args">One argument per placeholder of the rule's message format.</param>
/// <param name="FieldPath">The field whose line the finding points at, or null.</param>
public sealed record FindingArguments(IReadOnlyList<object?> Args, string? FieldPath = null);
