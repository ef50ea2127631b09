using Xunit;

namespace K8sLandscape.TestSupport;

/// <summary>
/// The real upstream manifests in ../shared/corpus (beside the repository). Tests that need them
/// call <see cref="Require"/>, which skips the test with a reason when the corpus is absent (a
/// user's fresh clone) so that 'dotnet test' still passes there.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> Root = new(() => Find("shared/corpus"));
    private static readonly Lazy<string?> Schemas = new(() => Find("shared/schemas"));

    /// <summary>The corpus folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    /// <summary>The shared schemas folder, or null when absent.</summary>
    public static string? SchemaFolder => Schemas.Value;

    /// <summary>The repository root (the folder holding K8sLandscape.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Returns the absolute path of a corpus file or folder, or skips the test when the corpus is absent.</summary>
    public static string Require(string relative = "")
    {
        Skip.If(Folder is null, "the shared corpus (../shared/corpus beside the repository) is not present on this machine");
        var path = Path.Combine(Folder!, relative);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"corpus entry '{relative}' is not present");
        return path;
    }

    /// <summary>Returns the absolute path of a file under shared/schemas, or skips the test when absent.</summary>
    public static string RequireSchema(string name)
    {
        Skip.If(SchemaFolder is null, "the shared schemas (../shared/schemas beside the repository) are not present on this machine");
        var path = Path.Combine(SchemaFolder!, name);
        Skip.IfNot(File.Exists(path), $"schema '{name}' is not present");
        return path;
    }

    /// <summary>A path under the repository root (samples, fixtures, docs).</summary>
    public static string InRepository(string relative) => Path.Combine(RepositoryRoot, relative);

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "K8sLandscape.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("K8sLandscape.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Find(string relative)
    {
        var env = Environment.GetEnvironmentVariable("K8SLANDSCAPE_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            var fromEnv = Path.Combine(env, relative["shared/".Length..]);
            if (Directory.Exists(fromEnv)) return fromEnv;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
            // The repository sits beside shared/: ../shared/corpus from the repository root.
            candidate = Path.Combine(dir.FullName, "..", relative);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "K8sLandscape.sln"))) return Path.GetFullPath(candidate);
            dir = dir.Parent;
        }

        return null;
    }
}
