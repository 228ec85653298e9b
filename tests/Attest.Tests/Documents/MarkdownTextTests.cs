using AngleSharp.Html.Parser;
using Attest.Documents;

namespace Attest.Tests.Documents;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://x.example\" onclick=\"steal()\">x</a>")]
    [InlineData("[x](JaVaScRiPt:alert(1) \"t\")")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void ScriptWrittenIntoMarkdown_NeverBecomesActiveHtml(string markdown)
    {
        var html = MarkdownText.ToSafeHtml(markdown);
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, iframe, img, object, embed"));
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("javascript:", element.GetAttribute("href") ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void OrdinaryMarkdown_IsRendered()
    {
        var html = MarkdownText.ToSafeHtml("**Quarterly** review of [access](https://idp.example/reviews):\n\n- production\n- client data");

        Assert.Contains("<strong>Quarterly</strong>", html);
        Assert.Contains("<a href=\"https://idp.example/reviews\">access</a>", html);
        Assert.Contains("<li>client data</li>", html);
    }
}
