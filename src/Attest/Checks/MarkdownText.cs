using System.Text;

namespace Attest.Checks;

/// <summary>Puts text from a probed system (certificate names, headers, command output) into evidence Markdown without it becoming markup.</summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>|#~!";

    /// <summary>Backslash-escapes Markdown punctuation and folds line breaks, for a table cell or a line of prose.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n') escaped.Append(' ');
            else if (c == '_' && IntraWord(text, i)) escaped.Append(c); // log_connections: an underscore inside a word is never emphasis
            else if (Special.Contains(c)) escaped.Append('\\').Append(c);
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static bool IntraWord(string text, int i) =>
        i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);

    /// <summary>A fenced code block whose fence is longer than any backtick run in the text, so the text cannot close it.</summary>
    public static string CodeBlock(string text, string language = "")
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{text.TrimEnd('\n', '\r')}\n{fence}\n";
    }
}
