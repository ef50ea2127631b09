using K8sLandscape.Model;
namespace K8sLandscape.Analyzers.Tests.InfrastructureRules;
public class ExploreTmp
{
    private static void Dump(string title, Landscape l, StreamWriter w)
    {
        w.WriteLine("##### " + title);
        foreach (var f in TestLandscapes.Engine(RuleScanner.CreateAnalyzers(typeof(LandscapeAnalyzer).Assembly).Where(a => a.SupportedRules.Any(r => r.Id[2] is '1' or '2' or '3' or '4' && r.Id[3] == '0')).ToArray()).Run(l).Findings)
        {
            w.WriteLine(f.ToString().Replace("/work/shared/corpus/", "") );
            foreach (var r in f.RelatedLocations) w.WriteLine("     related " + r.ToString().Replace("/work/shared/corpus/", ""));
        }
    }

    [SkippableFact]
    public void Explore()
    {
        using var w = new StreamWriter("/tmp/explore-infra.txt");
        Dump("sample", InfraRuleKit.Sample(), w);
        foreach (var set in File.ReadAllLines("/tmp/explore-sets.txt"))
        {
            if (set.Trim().Length == 0) continue;
            Dump(set, InfraRuleKit.FromCorpus(set.Split(' ', StringSplitOptions.RemoveEmptyEntries)), w);
        }
    }
}
