using K8sLandscape.Json;
using K8sLandscape.Loading;
using Newtonsoft.Json;

namespace K8sLandscape.Cli;

/// <summary>The JSON form of a load diagnostic: <c>path</c>, <c>line</c>, <c>column</c>, <c>code</c>, <c>severity</c>, <c>message</c>.</summary>
internal static class JsonDiagnostics
{
    public static void Write(JsonWriter w, LoadDiagnostic d)
    {
        w.WriteStartObject();
        w.Property("path", d.Location.Path);
        w.Property("line", d.Location.Line);
        w.Property("column", d.Location.Column);
        w.Property("code", d.Code);
        w.Property("severity", d.Severity.ToString().ToLowerInvariant());
        w.Property("message", d.Message);
        w.WriteEndObject();
    }
}
