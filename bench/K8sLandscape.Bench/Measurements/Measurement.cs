using System.Reflection;

namespace K8sLandscape.Bench.Measurements;

/// <summary>What one timed run produced.</summary>
/// <param name="Objects">Objects (or documents) processed; gives the objects/s figure.</param>
/// <param name="Note">Anything worth showing next to the numbers (for example diagnostics met).</param>
internal readonly record struct RunOutcome(long Objects, string? Note = null);

/// <summary>
/// A named, timed piece of work on an input file. To add one (for example "build landscape" or
/// "run rules"), write one class deriving from this; <see cref="Registry"/> finds it by reflection.
/// Each measurement runs in its own child process: <see cref="Setup"/> once (untimed), one warm-up
/// <see cref="Run"/>, then the timed runs with a full GC before each. <see cref="Run"/> must not keep
/// its result alive after returning, so that each run's peak memory is its own.
/// </summary>
internal abstract class Measurement
{
    /// <summary>Short name used on the command line and in tables (for example <c>load</c>).</summary>
    public abstract string Name { get; }

    /// <summary>One line saying what is timed.</summary>
    public abstract string Description { get; }

    /// <summary>Table order; lower first. The YAML floor is 0, the loader 10.</summary>
    public virtual int Order => 100;

    /// <summary>False for measurements run only when named with <c>--only</c>.</summary>
    public virtual bool RunsByDefault => true;

    /// <summary>Untimed preparation in the child process (for example: load the file once to time a later stage).</summary>
    public virtual void Setup(string file)
    {
    }

    /// <summary>The timed work.</summary>
    public abstract RunOutcome Run(string file);
}

/// <summary>Every <see cref="Measurement"/> in this assembly, in table order.</summary>
internal static class Registry
{
    public static IReadOnlyList<Measurement> All { get; } = typeof(Measurement).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Measurement)) && !t.IsAbstract)
        .Select(t => (Measurement)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    public static Measurement Get(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no measurement named '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");
}
