using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// The areas reports group findings by: the seven extension areas of <see cref="LandscapeAreas"/>
/// plus <c>layers</c> (cross-cutting rules) and <c>engine</c> (load problems, crashed analyzers).
/// </summary>
public static class ReportAreas
{
    /// <summary>Load problems and engine errors (KL0xxx).</summary>
    public const string Engine = "engine";

    /// <summary>Resource layers and cross-cutting rules (KL8xxx).</summary>
    public const string Layers = "layers";

    /// <summary>Every area in display order: infrastructure, application management, cross-cutting, engine.</summary>
    public static IReadOnlyList<string> All { get; } = [.. LandscapeAreas.All, Layers, Engine];

    /// <summary>The area of a rule category: its name (built-in category names are the area names).</summary>
    public static string Of(RuleCategory category) => category.Name;

    /// <summary>A heading for an area, such as <c>Network</c> or <c>API extensions</c>.</summary>
    public static string Title(string area) => area switch
    {
        LandscapeAreas.Runtime => "Container runtimes",
        LandscapeAreas.Network => "Network",
        LandscapeAreas.Storage => "Storage",
        LandscapeAreas.Devices => "Devices",
        LandscapeAreas.Api => "API extensions",
        LandscapeAreas.Admission => "Admission",
        LandscapeAreas.Lifecycle => "Lifecycle managers",
        Layers => "Layers and cross-cutting",
        Engine => "Loading and engine",
        _ => area,
    };

    /// <summary>The position of an area in <see cref="All"/> (unknown areas last), for sorting.</summary>
    public static int Order(string area)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], area, StringComparison.Ordinal)) return i;
        }

        return All.Count;
    }
}
