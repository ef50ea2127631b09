using System.Reflection;
using K8sLandscape.Analyzers.Validation;

namespace K8sLandscape.Analyzers;

/// <summary>Finds rule classes (analyzers and object validators) in an assembly, in ordinal type-name order.</summary>
internal static class RuleScanner
{
    public static Assembly BuiltInAssembly { get; } = typeof(RuleScanner).Assembly;

    public static IReadOnlyList<Type> AnalyzerTypes(Assembly assembly) => Concrete(assembly, typeof(LandscapeAnalyzer));

    public static IReadOnlyList<Type> ValidatorTypes(Assembly assembly) => Concrete(assembly, typeof(IObjectValidator));

    public static IReadOnlyList<LandscapeAnalyzer> CreateAnalyzers(Assembly assembly) =>
        AnalyzerTypes(assembly).Select(t => (LandscapeAnalyzer)Activator.CreateInstance(t)!).ToArray();

    public static IReadOnlyList<IObjectValidator> CreateValidators(Assembly assembly) =>
        ValidatorTypes(assembly).Select(t => (IObjectValidator)Activator.CreateInstance(t)!).ToArray();

    public static bool IsBuiltIn(Type type) => type.Assembly == BuiltInAssembly;

    private static Type[] Concrete(Assembly assembly, Type baseType)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types;
        }

        // Only classes the container and Activator can build without arguments: adapters that need
        // arguments (the validation adapter) are built by the engine itself.
        return types
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
                && baseType.IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => t!)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }
}
