using K8sLandscape.Loading;

namespace K8sLandscape.Model.Admission;

/// <summary>A ValidatingAdmissionPolicyBinding or MutatingAdmissionPolicyBinding: puts a policy into effect.</summary>
public sealed record AdmissionPolicyBinding
{
    /// <summary>The binding object.</summary>
    public required KubeObject Object { get; init; }

    /// <summary>Mutating or validating.</summary>
    public required AdmissionKind Kind { get; init; }

    /// <summary>The binding's name.</summary>
    public string Name => Object.Name;

    /// <summary><c>spec.policyName</c>.</summary>
    public required string PolicyName { get; init; }

    /// <summary><c>spec.matchResources</c>, narrowing the policy's constraints; null when absent.</summary>
    public AdmissionMatchResources? MatchResources { get; init; }

    /// <summary><c>spec.validationActions</c> (<c>Deny</c>, <c>Warn</c>, <c>Audit</c>); empty for mutating bindings.</summary>
    public IReadOnlyList<string> ValidationActions { get; init; } = [];

    /// <summary><c>spec.paramRef.name</c>, or null.</summary>
    public string? ParamRefName { get; init; }
}
