using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers K8sLandscape's analysis engine and rules in a service collection.</summary>
public static class K8sLandscapeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (<see cref="AnalyzerEngine"/>, a singleton built on first use), every
    /// built-in analyzer and object validator, and <see cref="AnalysisOptions"/>. Calling it again
    /// adds only the new configuration; rules are never registered twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; runs after earlier calls' configuration.</param>
    /// <returns>A builder to add custom rule classes.</returns>
    public static K8sLandscapeBuilder AddK8sLandscape(this IServiceCollection services, Action<AnalysisOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new K8sLandscapeBuilder(services);
        if (!services.Any(d => d.ServiceType == typeof(AnalyzerEngine)))
        {
            services.TryAddSingleton(sp =>
            {
                var options = new AnalysisOptionsBuilder();
                foreach (var step in sp.GetServices<OptionsStep>()) step.Configure(options);
                return options.Build();
            });
            services.TryAddSingleton(sp => new AnalyzerEngine(
                sp.GetServices<LandscapeAnalyzer>(),
                sp.GetServices<IObjectValidator>(),
                sp.GetRequiredService<AnalysisOptions>()));
            builder.AddAnalyzersFromAssembly(typeof(AnalyzerEngine).Assembly);
        }

        if (configure is not null) builder.Configure(configure);
        return builder;
    }
}
