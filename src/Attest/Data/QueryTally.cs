using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attest.Data;

/// <summary>
/// Counts the SQL commands issued within one unit of work (a web request), so pages can be held to a
/// constant number of queries whatever the data size. Start one with <see cref="Begin"/>; commands run
/// in that async flow are counted.
/// </summary>
public sealed class QueryTally
{
    private static readonly AsyncLocal<QueryTally?> Current = new();
    private int _commands;

    public int Commands => _commands;

    public static QueryTally Begin()
    {
        var tally = new QueryTally();
        Current.Value = tally;
        return tally;
    }

    internal static void Count()
    {
        if (Current.Value is { } tally) Interlocked.Increment(ref tally._commands);
    }

    /// <summary>The EF interceptor that feeds the tally; registered on every context by <see cref="DatabaseProvider"/>.</summary>
    internal sealed class Interceptor : DbCommandInterceptor
    {
        public static readonly Interceptor Instance = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }
}
