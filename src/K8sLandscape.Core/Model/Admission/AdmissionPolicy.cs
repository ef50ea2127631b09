using K8sLandscape.Loading;

namespace K8sLandscape.Model.Admission;

/// <summary>
/// A ValidatingAdmissionPolicy or MutatingAdmissionPolicy (<c>admissionregistration.k8s.io</c>
/// v1, v1beta1 or v1alpha1): CEL admission in the API server, active only through bindings.
/// </summary>
public sealed record AdmissionPolicy
{
    /// <summary>The policy object.</summary>
    public required KubeObject Object { get; init; }

    /// <summary>Mutating or validating.</summary>
    public required AdmissionKind Kind { get; init; }

    /// <summary>The policy's name.</summary>
    public string Name => Object.Name;

    /// <summary><c>spec.matchConstraints</c>; null when absent (the API server requires it).</summary>
    public AdmissionMatchResources? MatchConstraints { get; init; }

    /// <summary><c>Fail</c> (default) or <c>Ignore</c>.</summary>
    public string FailurePolicy { get; init; } = "Fail";

    /// <summary>The parameter kind as <c>apiVersion/kind</c>, or null.</summary>
    public string? ParamKind { get; init; }

    /// <summary>How many validations (validating) or mutations (mutating) it has.</summary>
    public int ExpressionCount { get; init; }

    /// <summary>The catalog component it belongs to, or null.</summary>
    public string? ComponentId { get; init; }

    /// <summary>Whether its match constraints cover an operation on a resource of a group.</summary>
    public bool Intercepts(string group, string resource, string operation) =>
        MatchConstraints?.Intercepts(group, resource, operation) ?? false;
}
