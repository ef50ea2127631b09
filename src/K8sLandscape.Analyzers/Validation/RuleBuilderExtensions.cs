using FluentValidation;

namespace K8sLandscape.Analyzers.Validation;

/// <summary>Ties a FluentValidation rule to the finding it produces.</summary>
public static class RuleBuilderExtensions
{
    /// <summary>Sets the message arguments (and optionally the field) of the finding a failure becomes.</summary>
    /// <param name="rule">The rule being built.</param>
    /// <param name="args">The message arguments, from the object and the property value.</param>
    /// <param name="fieldPath">The field whose line to point at (<c>spec.versions</c>); null derives it from the property name.</param>
    public static IRuleBuilderOptions<T, TProperty> WithFinding<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule,
        Func<T, TProperty, object?[]> args,
        string? fieldPath = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(args);
        return rule.WithState((o, value) => new FindingArguments(args(o, value), fieldPath));
    }
}
