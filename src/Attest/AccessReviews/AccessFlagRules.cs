namespace Attest.AccessReviews;

/// <summary>How an account earns its flags, and how flags are named, filtered and counted.</summary>
public static class AccessFlagRules
{
    public static readonly AccessFlags[] Each = [AccessFlags.NoMatchingPerson, AccessFlags.Leaver, AccessFlags.Privileged, AccessFlags.Unused];

    /// <summary>The flags of one account as of <paramref name="today"/>.</summary>
    public static AccessFlags Of(bool hasPerson, bool personLeft, bool privileged, DateOnly? lastUsedOn, int unusedAfterDays, DateOnly today)
    {
        var flags = AccessFlags.None;
        if (!hasPerson) flags |= AccessFlags.NoMatchingPerson;
        else if (personLeft) flags |= AccessFlags.Leaver;
        if (privileged) flags |= AccessFlags.Privileged;
        if (IsUnused(lastUsedOn, unusedAfterDays, today)) flags |= AccessFlags.Unused;
        return flags;
    }

    /// <summary>Never used, or last used before the system's unused period began.</summary>
    public static bool IsUnused(DateOnly? lastUsedOn, int unusedAfterDays, DateOnly today) => lastUsedOn is not { } used || used < UnusedBefore(unusedAfterDays, today);

    /// <summary>An account last used before this day is unused.</summary>
    public static DateOnly UnusedBefore(int unusedAfterDays, DateOnly today) => today.AddDays(-unusedAfterDays);

    /// <summary>
    /// Every stored combination that includes <paramref name="flag"/> (all flagged ones for <see cref="AccessFlags.None"/>). Flags are
    /// stored by name like every enum here, so a filter asks for the combinations with IN rather than a bitwise test.
    /// </summary>
    public static IReadOnlyList<AccessFlags> CombinationsWith(AccessFlags flag) =>
        Enumerable.Range(1, 15).Select(v => (AccessFlags)v).Where(v => flag == AccessFlags.None || (v & flag) == flag).ToList();

    public static string Label(AccessFlags flag) => flag switch
    {
        AccessFlags.NoMatchingPerson => "no matching person",
        AccessFlags.Leaver => "leaver",
        AccessFlags.Privileged => "privileged",
        AccessFlags.Unused => "unused",
        _ => string.Join(", ", Each.Where(f => (flag & f) == f).Select(Label)),
    };

    public static string Label(AccessDecision decision) => decision switch
    {
        AccessDecision.Pending => "Pending",
        AccessDecision.Keep => "Keep",
        AccessDecision.Revoke => "Revoke",
        AccessDecision.Change => "Change",
        _ => decision.ToString(),
    };

    public static string Label(ReviewerRule rule) => rule switch
    {
        ReviewerRule.SystemOwner => "The system owner reviews every account",
        ReviewerRule.PersonManager => "Each person's manager (the system owner for accounts without one)",
        _ => rule.ToString(),
    };

    /// <summary>A decision to take access away (revoke, or change to another entitlement) that someone must carry out.</summary>
    public static bool NeedsRemediation(AccessDecision decision) => decision is AccessDecision.Revoke or AccessDecision.Change;

    /// <summary>Whether the reviewer must say why: always for privileged access, and for anything but keeping it.</summary>
    public static bool NeedsComment(bool privileged, AccessDecision decision) => privileged || NeedsRemediation(decision);
}
