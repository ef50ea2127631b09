using System.Reflection;
using FluentValidation;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds custom rule classes to K8sLandscape's registration. Every method is idempotent.</summary>
public sealed class K8sLandscapeBuilder
{
    internal K8sLandscapeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds an analyzer class (a singleton; it may take constructor dependencies).</summary>
    public K8sLandscapeBuilder AddAnalyzer<T>()
        where T : LandscapeAnalyzer
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<LandscapeAnalyzer, T>());
        return this;
    }

    /// <summary>Adds an analyzer instance (ignored when an analyzer of the same type is registered).</summary>
    public K8sLandscapeBuilder AddAnalyzer(LandscapeAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<LandscapeAnalyzer>(analyzer));
        return this;
    }

    /// <summary>Adds an object validator class (also registered as its FluentValidation <c>IValidator&lt;T&gt;</c>).</summary>
    public K8sLandscapeBuilder AddValidator<T>()
        where T : class, IObjectValidator
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IObjectValidator, T>());
        foreach (var validatorInterface in typeof(T).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            Services.TryAddEnumerable(ServiceDescriptor.Singleton(validatorInterface, typeof(T)));
        return this;
    }

    /// <summary>
    /// Adds every analyzer class with a parameterless constructor in an assembly, and every object
    /// validator through FluentValidation's <c>AddValidatorsFromAssembly</c>. Scanning an assembly
    /// twice is harmless.
    /// </summary>
    public K8sLandscapeBuilder AddAnalyzersFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (Services.Any(d => d.ServiceType == typeof(ScannedAssembly) && ((ScannedAssembly?)d.ImplementationInstance)?.Assembly == assembly)) return this;
        Services.AddSingleton(new ScannedAssembly(assembly));

        foreach (var type in RuleScanner.AnalyzerTypes(assembly))
            Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(LandscapeAnalyzer), type));

        // FluentValidation's own registration (IValidator<T> and the concrete type), limited to object validators;
        // the engine then reads them all through IObjectValidator.
        var isObjectValidator = (AssemblyScanner.AssemblyScanResult r) => typeof(IObjectValidator).IsAssignableFrom(r.ValidatorType);
        Services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, isObjectValidator, includeInternalTypes: true);
        foreach (var result in AssemblyScanner.FindValidatorsInAssembly(assembly, includeInternalTypes: true).Where(isObjectValidator).OrderBy(r => r.ValidatorType.FullName, StringComparer.Ordinal))
            Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IObjectValidator), result.ValidatorType));
        return this;
    }

    /// <summary>Sets options in code; applied after earlier configuration, in registration order.</summary>
    public K8sLandscapeBuilder Configure(Action<AnalysisOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddSingleton(new OptionsStep(configure));
        return this;
    }

    private sealed record ScannedAssembly(Assembly Assembly);
}
