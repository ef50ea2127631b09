using FluentValidation;
using FluentValidation.Results;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Validation;

/// <summary>
/// Base of object validators: a FluentValidation validator of a model of one object (a
/// KubernetesClient type such as <c>V1CustomResourceDefinition</c>, <see cref="KubeObject"/> itself,
/// or a view read from its body), declaring the one rule its failures report. Tie each rule to its
/// finding with <see cref="RuleBuilderExtensions.WithFinding{T, TProperty}"/>.
/// </summary>
/// <typeparam name="T">The model validated.</typeparam>
public abstract class ObjectValidator<T> : AbstractValidator<T>, IObjectValidator
    where T : class
{
    /// <inheritdoc />
    public abstract RuleDescriptor Rule { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<GroupKind> Kinds { get; }

    /// <inheritdoc />
    public IReadOnlyList<ValidationFailure> ValidateObject(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Read(obj) is { } model ? Validate(model).Errors : [];
    }

    /// <summary>
    /// Reads the model from an object, or returns null to skip it (a body that does not fit the model,
    /// an API version the rule does not apply to). The default reads the KubernetesClient model.
    /// </summary>
    protected virtual T? Read(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is T self) return self;
        return obj.TryAs<T>(out var value, out _) ? value : null;
    }
}
