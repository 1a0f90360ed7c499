using System.Data.Common;

namespace EcsConsole.Domain.Persistence;

/// <summary>Parameters of the few plain ADO.NET commands run beside EF Core (nonces, kept counts, the demo world's script,
/// the web host's key ring).</summary>
public static class DbCommandParameters
{
    /// <summary>Adds a parameter named <paramref name="name"/> with <paramref name="value"/> to <paramref name="command"/>; returns it.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
