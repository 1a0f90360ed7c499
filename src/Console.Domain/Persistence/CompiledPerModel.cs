using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) per model. A compiled query binds to the first model it runs
/// against and refuses any other, while one process may hold several models (the SQLite and PostgreSQL compiled models,
/// or a model built from the mapping, as tests do); each model gets its own, compiled on first use.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
