// Corpus: Azure storage, messaging and Cosmos DB wiring of a document service.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Corpus.Cloud;

public static class StorageConnections
{
    public const string Blob = "DefaultEndpointsProtocol=https;AccountName=ordersdocs;AccountKey=__SECRET:storage-key__;EndpointSuffix=core.windows.net"; // expect: RDY102
    public const string Queue = @"DefaultEndpointsProtocol=https;AccountName=ordersqueue;AccountKey=__SECRET:storage-key__"; // expect: RDY102
    public const string Local = "UseDevelopmentStorage=true"; // trap
    public const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=__SECRET:azurite-key__;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"; // trap
    public const string ManagedIdentity = "https://ordersdocs.blob.core.windows.net"; // trap
    public const string ExportSas = "__SECRET:sas-url__"; // expect: RDY101
    public const string ContainerName = "invoices"; // trap
    public const string SasTemplate = "https://ordersdocs.blob.core.windows.net/invoices?sv=2022-11-02&sig={0}"; // trap
}

public sealed class StorageKeyHolder
{
    public string StorageAccountKey { get; } = "__SECRET:storage-key__"; // expect: RDY101
    public string StorageAccountName { get; } = "ordersdocs"; // trap
    public string AccountKeySecretName { get; } = "orders-storage-account-key"; // trap
}

public static class Messaging
{
    public static string ServiceBus() => "Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=__SECRET:shared-access-key__"; // expect: RDY102

    public static string EventHubs(string hub) => $"Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=__SECRET:shared-access-key__;EntityPath={hub}"; // expect: RDY102

    public static string ServiceBusManaged() => "Endpoint=sb://orders-bus.servicebus.windows.net/;Authentication=Managed Identity"; // trap

    public static string IotHub { get; } = "HostName=plant.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=__SECRET:shared-access-key__"; // expect: RDY102

    public static string SignalR { get; } = "Endpoint=https://orders.service.signalr.net;AccessKey=__SECRET:shared-access-key__;Version=1.0;"; // expect: RDY102

    public static string AppConfig { get; } = "Endpoint=https://orders.azconfig.io;Id=Kx2p-l9-s0:Qw8rT5yUi3oP;Secret=__SECRET:shared-access-key__"; // expect: RDY102

    public static string TopicName { get; } = "order-events"; // trap
    public static string KeyName { get; } = "RootManageSharedAccessKey"; // trap
}

public sealed class CosmosSettings
{
    public string Connection { get; set; } = "AccountEndpoint=https://orders.documents.azure.com:443/;AccountKey=__SECRET:storage-key__;"; // expect: RDY102
    public string Emulator { get; set; } = "AccountEndpoint=https://localhost:8081/;AccountKey=__SECRET:cosmos-emulator-key__"; // trap
    public string PrimaryKey { get; set; } = "__SECRET:storage-key__"; // expect: RDY101
    public string DatabaseId { get; set; } = "orders"; // trap
    public string PartitionKeyPath { get; set; } = "/customerId"; // trap
}

public sealed class CloudBootstrap(IConfiguration configuration)
{
    public string Storage => configuration.GetConnectionString("Storage") ?? "UseDevelopmentStorage=true"; // trap

    public string Bus => configuration.GetConnectionString("ServiceBus") ?? "Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=__SECRET:shared-access-key__"; // expect: RDY102

    public Dictionary<string, string?> Defaults() => new()
    {
        ["ConnectionStrings:Blob"] = "DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=__SECRET:storage-key__", // expect: RDY102
        ["ConnectionStrings:Queue"] = "DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=<account-key>", // trap
        ["Storage:AccountKey"] = "__SECRET:storage-key__", // expect: RDY101
        ["Storage:Container"] = "exports", // trap
    };
}
