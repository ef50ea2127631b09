using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sLandscape.Bench.Harness;

/// <summary>One timed run inside the child.</summary>
internal sealed record RunSample(double Seconds, double CpuSeconds, long AllocatedBytes, long Objects, long PeakBytes, int Gen0, int Gen1, int Gen2);

/// <summary>What a <c>measure-once</c> child prints (one JSON line on stdout) before it exits.</summary>
internal sealed record ChildReport(
    string Measurement,
    string File,
    long InputBytes,
    double WarmupSeconds,
    long WarmupPeakBytes,
    long BaselineBytes,
    List<RunSample> Runs,
    long PeakBytes,
    string? Note)
{
    public const string Marker = "@@bench-result ";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ChildReport FromJson(string json) => JsonSerializer.Deserialize<ChildReport>(json, Json) ?? throw new InvalidDataException("empty child report");

    public double MedianSeconds => Median(Runs.Select(r => r.Seconds));

    public double MedianCpuSeconds => Median(Runs.Select(r => r.CpuSeconds));

    public long MedianAllocated => (long)Median(Runs.Select(r => (double)r.AllocatedBytes));

    public long MedianRunPeak => (long)Median(Runs.Select(r => (double)r.PeakBytes));

    public long Objects => Runs.Count > 0 ? Runs[^1].Objects : 0;

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}
