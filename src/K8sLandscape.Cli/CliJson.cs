using K8sLandscape.Json;
using Newtonsoft.Json;

namespace K8sLandscape.Cli;

/// <summary>
/// The frame of every JSON document a command prints (load, catalog, rules, snapshot summary):
/// indented, one object whose first property is <c>schemaVersion</c> in the report's style
/// (<c>"MAJOR.MINOR"</c>: a minor version adds fields, a major one changes or removes them).
/// </summary>
internal static class CliJson
{
    /// <summary>The shape version of the command outputs that have no schema of their own.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>Starts the document: the writer is inside the top object, after <c>schemaVersion</c>.</summary>
    public static JsonTextWriter Start(TextWriter o)
    {
        var w = new JsonTextWriter(o) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.Property("schemaVersion", SchemaVersion);
        return w;
    }

    /// <summary>Closes the top object and ends the output with a line break.</summary>
    public static void End(JsonWriter w, TextWriter o)
    {
        w.WriteEndObject();
        w.Flush();
        o.WriteLine();
    }
}
