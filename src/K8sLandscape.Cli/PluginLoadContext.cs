using System.Reflection;
using System.Runtime.Loader;

namespace K8sLandscape.Cli;

/// <summary>
/// Loads one rule assembly and its own dependencies from its folder, but takes every assembly the
/// host ships (K8sLandscape libraries, FluentValidation, KubernetesClient, the framework) from the
/// host: the plugin's rule classes must derive from the host's <c>LandscapeAnalyzer</c>, not from a
/// second copy of it that happens to sit beside the plugin.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly Lazy<HashSet<string>> HostAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;

    public PluginLoadContext(string pluginPath)
        : base(Path.GetFileNameWithoutExtension(pluginPath))
    {
        _resolver = new AssemblyDependencyResolver(pluginPath);
        _folder = Path.GetDirectoryName(pluginPath)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || HostAssemblies.Value.Contains(assemblyName.Name)) return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName) ?? Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
