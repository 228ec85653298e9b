namespace Attest.Policies;

public enum DiffKind
{
    Same = 0,
    Added = 1,
    Removed = 2,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A line diff (longest common subsequence) that reads like a redline: removed lines, then the lines that replace them.</summary>
public static class TextDiff
{
    /// <summary>Beyond this many lines on each side the diff is shown as "all removed, all added" rather than computed.</summary>
    private const int MaxLines = 4000;

    public static IReadOnlyList<DiffLine> Lines(string? before, string? after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        if (a.Length > MaxLines || b.Length > MaxLines)
        {
            return [.. a.Select(l => new DiffLine(DiffKind.Removed, l)), .. b.Select(l => new DiffLine(DiffKind.Added, l))];
        }
        // Common head and tail first: most edits touch a few lines in the middle.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
        var midA = a[head..(a.Length - tail)];
        var midB = b[head..(b.Length - tail)];

        var lcs = new int[midA.Length + 1, midB.Length + 1];
        for (var i = midA.Length - 1; i >= 0; i--)
        {
            for (var j = midB.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = midA[i] == midB[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a[..head].Select(l => new DiffLine(DiffKind.Same, l)));
        int x = 0, y = 0;
        var removed = new List<DiffLine>();
        var added = new List<DiffLine>();
        void Flush()
        {
            result.AddRange(removed);
            result.AddRange(added);
            removed.Clear();
            added.Clear();
        }
        while (x < midA.Length || y < midB.Length)
        {
            if (x < midA.Length && y < midB.Length && midA[x] == midB[y])
            {
                Flush();
                result.Add(new DiffLine(DiffKind.Same, midA[x]));
                x++;
                y++;
            }
            else if (y < midB.Length && (x == midA.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(new DiffLine(DiffKind.Added, midB[y++]));
            }
            else
            {
                removed.Add(new DiffLine(DiffKind.Removed, midA[x++]));
            }
        }
        Flush();
        result.AddRange(a[(a.Length - tail)..].Select(l => new DiffLine(DiffKind.Same, l)));
        return result;
    }

    private static string[] SplitLines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n").Split('\n');
}
