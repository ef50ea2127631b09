using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Validation;

/// <summary>
/// The one adapter between object validators and findings: runs every validator over the objects
/// of its kinds and reports each failure at the field's line. A validator that throws becomes a
/// KL0001 finding naming it; the other validators still run.
/// </summary>
internal sealed class ObjectValidationAnalyzer : LandscapeAnalyzer
{
    private readonly IReadOnlyList<IObjectValidator> _validators;

    public ObjectValidationAnalyzer(IReadOnlyList<IObjectValidator> validators)
    {
        _validators = validators;
        SupportedRules = validators.Select(v => v.Rule).Distinct().ToArray();
    }

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; }

    public override string Name => "K8sLandscape.Analyzers.Validation.ObjectValidationAnalyzer";

    public override void Analyze(AnalysisContext context)
    {
        // The validators are independent (each reads its own kinds and reports through the
        // thread-safe context), and together they are the longest analyzer on a big cluster: they
        // run side by side. Findings are put in order by the engine.
        var enabled = _validators.Where(v => context.IsEnabled(v.Rule)).ToArray();
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.MaxParallelism), CancellationToken = context.CancellationToken };
            Parallel.ForEach(enabled, options, validator => Validate(validator, context));
        }
        catch (AggregateException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(context.CancellationToken);
        }
    }

    private static void Validate(IObjectValidator validator, AnalysisContext context)
    {
        try
        {
            foreach (var kind in validator.Kinds)
            {
                foreach (var obj in context.Landscape.Objects.OfKind(kind))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    foreach (var failure in validator.ValidateObject(obj))
                    {
                        var state = failure.CustomState as FindingArguments;
                        var path = state?.FieldPath ?? ToFieldPath(failure.PropertyName);
                        context.Report(validator.Rule, obj.LocationOf(path), null, obj.Ref, state?.Args.ToArray() ?? []);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.ReportCrash(validator.GetType().FullName ?? validator.GetType().Name, ex);
        }
    }

    /// <summary>FluentValidation's <c>Spec.Versions[0].Name</c> → the manifest's <c>spec.versions[0].name</c>.</summary>
    internal static string ToFieldPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName)) return string.Empty;
        var sb = new StringBuilder(propertyName.Length);
        var startOfSegment = true;
        foreach (var c in propertyName)
        {
            sb.Append(startOfSegment ? char.ToLowerInvariant(c) : c);
            startOfSegment = c == '.';
        }

        return sb.ToString();
    }
}
