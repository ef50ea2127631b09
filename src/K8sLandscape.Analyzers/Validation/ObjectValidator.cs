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
    private readonly object _rulesGate = new();
    private Action? _deferredRules;

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

    /// <inheritdoc />
    public override ValidationResult Validate(ValidationContext<T> context)
    {
        DefineDeferredRules();
        return base.Validate(context);
    }

    /// <inheritdoc />
    public override Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default)
    {
        DefineDeferredRules();
        return base.ValidateAsync(context, cancellation);
    }

    /// <inheritdoc />
    public override IValidatorDescriptor CreateDescriptor()
    {
        DefineDeferredRules();
        return base.CreateDescriptor();
    }

    /// <summary>
    /// For the built-in validators: their rules are defined when the validator first validates, not
    /// when it is created. Every run creates every validator (the engine needs their rule ids), and
    /// defining FluentValidation rules is slow the first time (expressions compiled, generic code
    /// JIT-compiled): a small analyze spent about 60 ms of its 0.6 s (portable build) on the rules of
    /// validators whose kinds it never met.
    /// </summary>
    private protected void DefineRulesOnFirstUse(Action defineRules) => _deferredRules = defineRules;

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

    private void DefineDeferredRules()
    {
        if (Volatile.Read(ref _deferredRules) is null) return;
        lock (_rulesGate)
        {
            if (_deferredRules is not { } define) return;
            define();
            Volatile.Write(ref _deferredRules, null);
        }
    }
}
