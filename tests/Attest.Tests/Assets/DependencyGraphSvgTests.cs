using System.Globalization;
using System.Xml.Linq;
using Attest.Assets;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Attest.Assets.AssetQueries;

namespace Attest.Tests.Assets;

public sealed class DependencyGraphSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Link(Guid id) => $"/assets/{id}?from=graph&view=full";

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    /// <summary>
    /// An AI system (1) that uses a model (2) trained on a dataset (3), runs on a service (4) and processes information (5);
    /// a portal (6) depends on it, and an SDK (7) is needed by the portal.
    /// </summary>
    private static Graph Sample() => new(
        [
            new GraphNode(Id(1), "AIS-001", "Triage agent", AssetType.AiSystem, 0),
            new GraphNode(Id(2), "MOD-001", "GPT-4o", AssetType.AiModel, 1),
            new GraphNode(Id(4), "SVC-001", "Azure OpenAI", AssetType.Service, 1),
            new GraphNode(Id(5), "INF-001", "Patient enquiries", AssetType.Information, 1),
            new GraphNode(Id(6), "SW-001", "Clinician portal", AssetType.Software, 1),
            new GraphNode(Id(3), "DS-001", "Case notes 2023", AssetType.Dataset, 2),
            new GraphNode(Id(7), "SW-002", "Portal SDK", AssetType.Software, 2),
        ],
        [
            new GraphEdge(Id(1), Id(2), DependencyKind.Uses),
            new GraphEdge(Id(2), Id(3), DependencyKind.TrainedOn),
            new GraphEdge(Id(1), Id(4), DependencyKind.RunsOn),
            new GraphEdge(Id(1), Id(5), DependencyKind.Processes),
            new GraphEdge(Id(6), Id(1), DependencyKind.DependsOn),
            new GraphEdge(Id(6), Id(7), DependencyKind.Uses),
        ]);

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static double RectX(XElement root, Guid id) =>
        double.Parse(root.Descendants(Svg + "a").Single(a => (string?)a.Attribute("href") == Link(id)).Descendants(Svg + "rect").Single().Attribute("x")!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_IsAccessibleXml_WithALinkPerNode_TheEdgeLabels_AndNoInlineStyle()
    {
        var svg = DependencyGraphSvg.Render(Sample(), Id(1), Link);
        var root = Parse(svg);

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        var labelledBy = ((string?)root.Attribute("aria-labelledby"))!.Split(' ');
        Assert.Equal(2, labelledBy.Length);
        Assert.All(labelledBy, id => Assert.Single(root.Descendants(), e => (string?)e.Attribute("id") == id));
        Assert.Equal("Dependencies of Triage agent", root.Element(Svg + "title")!.Value);
        var desc = root.Element(Svg + "desc")!.Value;
        Assert.Contains("Triage agent uses GPT-4o.", desc, StringComparison.Ordinal);
        Assert.Contains("Clinician portal depends on Triage agent.", desc, StringComparison.Ordinal);
        Assert.Contains("GPT-4o trained on Case notes 2023.", desc, StringComparison.Ordinal);

        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName == "style");
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);

        var links = root.Descendants(Svg + "a").ToList();
        Assert.Equal(7, links.Count);
        Assert.Equal(Enumerable.Range(1, 7).Select(n => Link(Id(n))).Order(StringComparer.Ordinal), links.Select(a => (string)a.Attribute("href")!).Order(StringComparer.Ordinal));
        Assert.Contains("&amp;view=full", svg, StringComparison.Ordinal);
        Assert.All(links, a => Assert.NotNull(a.Element(Svg + "title")));
        Assert.Single(root.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "graph-node graph-centre");
        Assert.Equal(7, root.Descendants(Svg + "g").Count(g => ((string?)g.Attribute("class"))?.Split(' ').Contains("graph-node") == true));

        Assert.Equal(6, root.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "graph-edge"));
        var labels = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "graph-label").Select(t => t.Value).ToList();
        Assert.Equal(["depends on", "processes", "runs on", "trained on", "uses", "uses"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Render_PutsDependenciesRight_DependentsLeft_AndTheSecondStepFurtherOut()
    {
        var root = Parse(DependencyGraphSvg.Render(Sample(), Id(1), Link));

        var centre = RectX(root, Id(1));
        Assert.True(RectX(root, Id(2)) > centre);
        Assert.Equal(RectX(root, Id(2)), RectX(root, Id(4)));
        Assert.Equal(RectX(root, Id(2)), RectX(root, Id(5)));
        Assert.True(RectX(root, Id(3)) > RectX(root, Id(2)));
        Assert.True(RectX(root, Id(6)) < centre);
        Assert.True(RectX(root, Id(7)) < RectX(root, Id(6)));
    }

    [Fact]
    public void Render_EscapesMarkupInNames_AndKeepsTheFullNameInTheTitle()
    {
        var graph = new Graph(
            [
                new GraphNode(Id(1), "AIS-<1>", "<script>alert('x')</script> & \"friends\"", AssetType.AiSystem, 0),
                new GraphNode(Id(2), "MOD-001", "A model with a remarkably long and descriptive name", AssetType.AiModel, 1),
            ],
            [new GraphEdge(Id(1), Id(2), DependencyKind.Uses)]);

        var svg = DependencyGraphSvg.Render(graph, Id(1), _ => "/assets/\"><script>x</script>");
        var root = Parse(svg);

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        Assert.All(root.Descendants(Svg + "a"), a => Assert.Equal("/assets/\"><script>x</script>", (string?)a.Attribute("href")));
        Assert.Equal("Dependencies of <script>alert('x')</script> & \"friends\"", root.Element(Svg + "title")!.Value);

        var model = root.Descendants(Svg + "a").Last();
        Assert.Equal("A model with a remarkably long and descriptive name (AI model · MOD-001)", model.Element(Svg + "title")!.Value);
        var shown = model.Descendants(Svg + "text").First().Value;
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.True(shown.Length <= 22, shown);
        Assert.StartsWith("A model with a", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsTheSameWhateverTheOrderOfNodesAndEdges()
    {
        var graph = Sample();
        var shuffled = new Graph(graph.Nodes.Reverse().ToList(), graph.Edges.Reverse().ToList());

        Assert.Equal(DependencyGraphSvg.Render(graph, Id(1), Link), DependencyGraphSvg.Render(shuffled, Id(1), Link));
    }

    [Fact]
    public void Render_DrawsAtMost30Assets_AndSizesTheDrawingToThem()
    {
        static Graph Fan(int count) => new(
            Enumerable.Range(1, count).Select(n => new GraphNode(Id(n), $"AST-{n:000}", $"Asset {n:000}", n == 1 ? AssetType.AiSystem : AssetType.Software, n == 1 ? 0 : 1)).ToList(),
            Enumerable.Range(2, count - 1).Select(n => new GraphEdge(Id(1), Id(n), DependencyKind.DependsOn)).ToList());

        var few = Parse(DependencyGraphSvg.Render(Fan(4), Id(1), Link));
        var many = Parse(DependencyGraphSvg.Render(Fan(40), Id(1), Link));

        Assert.Equal(4, few.Descendants(Svg + "a").Count());
        Assert.Equal(30, many.Descendants(Svg + "a").Count());
        Assert.Equal(29, many.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "graph-edge"));
        Assert.Contains("Showing the nearest 30 of 40 assets.", many.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        static double Height(XElement svg) => double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[3], CultureInfo.InvariantCulture);
        Assert.True(Height(many) > 5 * Height(few));
    }

    [Fact]
    public void Render_OfAnAssetWithoutDependencies_SaysSo()
    {
        var root = Parse(DependencyGraphSvg.Render(new Graph([new GraphNode(Id(1), "AST-001", "Laptop fleet", AssetType.Hardware, 0)], []), Id(1), Link));

        Assert.Single(root.Descendants(Svg + "a"));
        Assert.Equal("Laptop fleet (Hardware) has no recorded dependencies.", root.Element(Svg + "desc")!.Value);
        Assert.Throws<ArgumentException>(() => DependencyGraphSvg.Render(new Graph([], []), Id(1), Link));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Render_OfARealNeighbourhood_LinksEveryAsset(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var (system, graph) = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveAsset>();
            var dataset = await save.RunAsync(null, new AssetInput("Case notes 2023", AssetType.Dataset));
            var model = await save.RunAsync(null, new AssetInput("GPT-4o", AssetType.AiModel, DependsOn: [new DependencyInput(dataset, DependencyKind.TrainedOn)]));
            var cloud = await save.RunAsync(null, new AssetInput("Azure OpenAI", AssetType.Service));
            var agent = await save.RunAsync(null, new AssetInput("Triage <agent>", AssetType.AiSystem,
                DependsOn: [new DependencyInput(model, DependencyKind.Uses), new DependencyInput(cloud, DependencyKind.RunsOn)]));
            await save.RunAsync(null, new AssetInput("Clinician portal", AssetType.Software, DependsOn: [new DependencyInput(agent, DependencyKind.DependsOn)]));
            return (agent, await NeighbourhoodAsync(db, agent));
        });

        var root = Parse(DependencyGraphSvg.Render(graph, system, Link));

        Assert.Equal(5, root.Descendants(Svg + "a").Count());
        Assert.Equal("Dependencies of Triage <agent>", root.Element(Svg + "title")!.Value);
        var labels = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "graph-label").Select(t => t.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["depends on", "runs on", "trained on", "uses"], labels);
    }
}
