using FluentValidation.Results;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Validation;

/// <summary>
/// A check of one object's own structure (a CRD with two storage versions), as opposed to an
/// analyzer, which checks relations between objects. Derive from <see cref="ObjectValidator{T}"/>;
/// the engine surfaces every failure as a finding of <see cref="Rule"/> through one adapter.
/// </summary>
public interface IObjectValidator
{
    /// <summary>The one rule this validator reports.</summary>
    RuleDescriptor Rule { get; }

    /// <summary>The kinds the validator checks.</summary>
    IReadOnlyList<GroupKind> Kinds { get; }

    /// <summary>Validates one object of one of <see cref="Kinds"/>; an object that cannot be read as the model yields no failures.</summary>
    IReadOnlyList<ValidationFailure> ValidateObject(KubeObject obj);
}
