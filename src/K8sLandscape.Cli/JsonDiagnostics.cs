using K8sLandscape.Loading;
using Newtonsoft.Json;

namespace K8sLandscape.Cli;

/// <summary>The JSON form of a load diagnostic: <c>path</c>, <c>line</c>, <c>column</c>, <c>code</c>, <c>severity</c>, <c>message</c>.</summary>
internal static class JsonDiagnostics
{
    public static void Write(JsonWriter w, LoadDiagnostic d)
    {
        w.WriteStartObject();
        w.WritePropertyName("path");
        w.WriteValue(d.Location.Path);
        w.WritePropertyName("line");
        w.WriteValue(d.Location.Line);
        w.WritePropertyName("column");
        w.WriteValue(d.Location.Column);
        w.WritePropertyName("code");
        w.WriteValue(d.Code);
        w.WritePropertyName("severity");
        w.WriteValue(d.Severity.ToString().ToLowerInvariant());
        w.WritePropertyName("message");
        w.WriteValue(d.Message);
        w.WriteEndObject();
    }
}
