using Attest.Checks;

namespace Attest.Tests.Checks;

public sealed class CronScheduleTests
{
    // ---- Parse errors ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("60 * * * *", "minute", "60")]
    [InlineData("* 24 * * *", "hour", "24")]
    [InlineData("0 0 0 * *", "day-of-month", "0")]
    [InlineData("0 0 32 * *", "day-of-month", "32")]
    [InlineData("0 0 * 13 *", "month", "13")]
    [InlineData("0 0 * FOO *", "month", "FOO")]
    [InlineData("0 0 * * 8", "day-of-week", "8")]
    [InlineData("0 0 * * FUN", "day-of-week", "FUN")]
    [InlineData("*/0 * * * *", "minute", "0")]
    [InlineData("0 0 * * 5-1", "day-of-week", "5-1")]
    [InlineData("0 1,,2 * * *", "hour", "1,,2")]
    [InlineData("x * * * *", "minute", "x")]
    public void Parse_WithABadField_FailsNamingTheFieldAndTheValue(string expression, string field, string value)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CronSchedule.Parse(expression));

        var message = Assert.Single(error.Errors["Schedule"]);
        Assert.Contains(field + " field", message);
        Assert.Contains(value, message);
    }

    [Theory]
    [InlineData("0 0 * *", "4")]
    [InlineData("0 0 * * * *", "6")]
    public void Parse_WithoutExactlyFiveFields_SaysHowManyThereAre(string expression, string count)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CronSchedule.Parse(expression));

        var message = Assert.Single(error.Errors["Schedule"]);
        Assert.Contains("five fields", message);
        Assert.Contains($"has {count}", message);
    }

    [Fact]
    public void Parse_OfAnEmptySchedule_SaysItIsRequired()
    {
        var error = Assert.Throws<ValidationFailedException>(() => CronSchedule.Parse("  "));

        Assert.Contains("required", Assert.Single(error.Errors["Schedule"]));
    }

    [Fact]
    public void Parse_OfADayThatNeverOccurs_IsRejectedRatherThanNeverRunning()
    {
        var error = Assert.Throws<ValidationFailedException>(() => CronSchedule.Parse("0 0 30 2 *"));

        var message = Assert.Single(error.Errors["Schedule"]);
        Assert.Contains("day-of-month \"30\"", message);
        Assert.Contains("never", message);
    }

    [Fact]
    public void TryParse_ReturnsTheMessageInsteadOfThrowing()
    {
        Assert.False(CronSchedule.TryParse("0 0 * * MOON", out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains("day-of-week", error);
        Assert.True(CronSchedule.TryParse("0 6 * * *", out schedule, out error));
        Assert.NotNull(schedule);
        Assert.Null(error);
    }

    // ---- NextAfter -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-06-10T10:07:30Z", "2025-06-10T10:15:00Z")]
    [InlineData("2025-06-10T10:15:00Z", "2025-06-10T10:30:00Z")] // strictly after
    [InlineData("2025-06-10T10:14:59.999Z", "2025-06-10T10:15:00Z")]
    [InlineData("2025-06-10T23:59:00Z", "2025-06-11T00:00:00Z")]
    [InlineData("2025-12-31T23:50:00Z", "2026-01-01T00:00:00Z")]
    public void NextAfter_EveryFifteenMinutes_IsTheNextQuarterHour(string after, string expected)
    {
        AssertNext("*/15 * * * *", after, expected);
    }

    [Theory]
    [InlineData("2025-04-01T00:00:00Z", "2025-05-31T00:00:00Z")] // April has 30 days
    [InlineData("2025-05-31T00:00:00Z", "2025-07-31T00:00:00Z")] // June has 30 days
    [InlineData("2025-01-31T00:00:00Z", "2025-03-31T00:00:00Z")] // February never has a 31st
    [InlineData("2025-08-31T00:00:00Z", "2025-10-31T00:00:00Z")]
    public void NextAfter_OnThe31st_SkipsMonthsWithoutOne(string after, string expected)
    {
        AssertNext("0 0 31 * *", after, expected);
    }

    [Theory]
    [InlineData("2025-06-06T17:50:00Z", "2025-06-09T09:10:00Z")] // Friday after the last run: next Monday
    [InlineData("2025-06-09T09:10:00Z", "2025-06-09T09:20:00Z")]
    [InlineData("2025-06-09T09:55:00Z", "2025-06-09T10:10:00Z")]
    [InlineData("2025-06-07T08:00:00Z", "2025-06-09T09:10:00Z")] // Saturday
    public void NextAfter_WithRangesStepsAndWeekdayNames_RunsOnlyInWorkingHours(string after, string expected)
    {
        AssertNext("10-50/10 9-17 * * MON-FRI", after, expected);
    }

    [Theory]
    [InlineData("2025-06-01T13:00:00Z", "2025-06-02T12:00:00Z")] // Sunday 1st, already past noon: Monday 2nd
    [InlineData("2025-06-28T00:00:00Z", "2025-06-30T12:00:00Z")] // a Monday
    [InlineData("2025-06-30T12:00:00Z", "2025-07-01T12:00:00Z")] // a Tuesday, but the 1st
    public void NextAfter_WithBothDayFieldsRestricted_RunsWhenEitherMatches(string after, string expected)
    {
        AssertNext("0 12 1 * MON", after, expected);
    }

    [Fact]
    public void NextAfter_WithAStarredDayOfMonthStep_RequiresBothDayFieldsToMatch()
    {
        // As in Vixie cron: a day field starting with * does not switch to the "either" rule.
        AssertNext("0 0 */2 * MON", "2025-06-01T00:00:00Z", "2025-06-09T00:00:00Z"); // Monday the 2nd is even; Monday the 9th is odd
    }

    [Theory]
    [InlineData("0 0 * * 0")]
    [InlineData("0 0 * * 7")]
    [InlineData("0 0 * * sun")]
    public void NextAfter_WithSundayAsZeroSevenOrName_IsTheSameDay(string expression)
    {
        AssertNext(expression, "2025-06-02T00:00:00Z", "2025-06-08T00:00:00Z");
    }

    [Fact]
    public void NextAfter_WithMonthNamesAndAWeekday_FindsTheFirstSundayInTheNextNamedMonth()
    {
        AssertNext("30 4 * JAN,jul SUN", "2025-02-01T00:00:00Z", "2025-07-06T04:30:00Z");
    }

    [Fact]
    public void NextAfter_On29February_WaitsForTheNextLeapYear()
    {
        AssertNext("0 0 29 2 *", "2025-03-01T00:00:00Z", "2028-02-29T00:00:00Z");
    }

    [Fact]
    public void NextAfter_WithAListAndAFieldRunningToItsEnd_UsesEveryListedValue()
    {
        var schedule = CronSchedule.Parse("5,50/5 6 * * *");

        var runs = Runs(schedule, "2025-06-10T00:00:00Z", 5);

        Assert.Equal(["06:05", "06:50", "06:55", "06:05", "06:50"], runs.Select(r => r.ToString("HH:mm")));
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 6, 5, 0, TimeSpan.Zero), runs[3]);
    }

    [Fact]
    public void NextAfter_OfAnInstantWithAnOffset_WorksInUtc()
    {
        var schedule = CronSchedule.Parse("0 6 * * *");

        var next = schedule.NextAfter(new DateTimeOffset(2025, 6, 10, 7, 30, 0, TimeSpan.FromHours(2))); // 05:30 UTC

        Assert.Equal(new DateTimeOffset(2025, 6, 10, 6, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void NextAfter_OfAShorthand_IsTheSameAsItsFiveFields()
    {
        AssertNext("@daily", "2025-06-10T10:00:00Z", "2025-06-11T00:00:00Z");
        AssertNext("@monthly", "2025-06-10T10:00:00Z", "2025-07-01T00:00:00Z");
    }

    [Fact]
    public void NextAfter_EveryMinute_IsTheNextWholeMinute()
    {
        AssertNext("* * * * *", "2025-06-10T10:07:30Z", "2025-06-10T10:08:00Z");
    }

    // ---- Describe --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("0 6 * * *", "at 06:00 UTC, every day")]
    [InlineData("*/15 * * * *", "at minutes 0, 15, 30, 45 of every hour")]
    [InlineData("0 9 * * 1-5", "at 09:00 UTC, on Mon–Fri")]
    [InlineData("0 0 1 JAN,JUL *", "at 00:00 UTC, on day 1 of the month, in Jan, Jul")]
    public void Describe_ReadsAsWords(string expression, string expected)
    {
        Assert.Equal(expected, CronSchedule.Parse(expression).Describe());
    }

    private static void AssertNext(string expression, string after, string expected)
    {
        var next = CronSchedule.Parse(expression).NextAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    private static List<DateTimeOffset> Runs(CronSchedule schedule, string after, int count)
    {
        var runs = new List<DateTimeOffset>();
        var instant = DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            instant = schedule.NextAfter(instant) ?? throw new InvalidOperationException("no next run");
            runs.Add(instant);
        }
        return runs;
    }
}
