using Microsoft.ML;
using Microsoft.ML.Data;

namespace Automation.Engine.Scoring.Models;

/// <summary>A row as ML.NET reads it; the vector's size is set per model through <see cref="Schema"/>.</summary>
public sealed class ModelInput
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];

    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
