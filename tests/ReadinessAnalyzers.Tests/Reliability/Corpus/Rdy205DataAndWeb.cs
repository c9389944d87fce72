// Corpus: repositories, controllers, minimal APIs, parsers and disposables (RDY205).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Corpus.Data;

public sealed record Customer(Guid Id, string Name);

public sealed class CustomerRepository
{
    private readonly Dictionary<Guid, Customer> _store = new();
    private string _lastError = string.Empty;

    public Customer? Find(Guid id)
    {
        try
        {
            return _store[id];
        }
        catch (KeyNotFoundException) // trap
        {
            return null;
        }
    }

    public void Save(Customer customer)
    {
        try
        {
            _store.Add(customer.Id, customer);
        }
        catch (ArgumentException) // expect: RDY205
        {
        }
    }

    public void Upsert(Customer customer)
    {
        try
        {
            _store.Add(customer.Id, customer);
        }
        catch (ArgumentException ex) // trap
        {
            _lastError = ex.Message;
        }
    }

    public void Import(string json)
    {
        try
        {
            var customer = JsonSerializer.Deserialize<Customer>(json);
            if (customer is not null)
            {
                _store[customer.Id] = customer;
            }
        }
        catch (JsonException) // expect: RDY205
        {
        }
    }

    public void Purge()
    {
        try
        {
            _store.Clear();
        }
        catch (Exception e) // expect: RDY205
        {
        }
    }

    public string LastError => _lastError;
}

public static class Parsing
{
    public static bool TryReadQuantity(string text, out int quantity)
    {
        try
        {
            quantity = int.Parse(text, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException) // trap
        {
            quantity = 0;
            return false;
        }
    }

    public static Uri? ParseOrNull(string text)
    {
        try
        {
            return new Uri(text);
        }
        catch (UriFormatException) // trap
        {
        }

        return null;
    }

    public static bool LooksValid(string text)
    {
        try
        {
            _ = new Uri(text);
        }
        catch (UriFormatException) // expect: RDY205
        {
        }

        return true;
    }

    public static decimal ReadPrice(string text)
    {
        try
        {
            return decimal.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException) // trap
        {
            throw new InvalidDataException("The price is not a number: " + text);
        }
    }

    public static decimal ReadDiscount(string text)
    {
        try
        {
            return decimal.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (OverflowException) // trap
        {
            throw;
        }
        catch (FormatException) // expect: RDY205
        {
            Console.Beep();
        }

        return 0m;
    }
}

[ApiController]
[Route("customers")]
public sealed class CustomersController(CustomerRepository repository, ILogger<CustomersController> logger) : ControllerBase
{
    [HttpPost]
    public IActionResult Create(Customer customer)
    {
        try
        {
            repository.Save(customer);
        }
        catch (InvalidOperationException) // expect: RDY205
        {
        }

        return Ok();
    }

    [HttpPut]
    public IActionResult Update(Customer customer)
    {
        try
        {
            repository.Upsert(customer);
        }
        catch (InvalidOperationException) // trap
        {
            return Conflict();
        }

        return Ok();
    }

    [HttpDelete]
    public IActionResult Delete()
    {
        try
        {
            repository.Purge();
        }
        catch (Exception) // trap
        {
            logger.LogError("Purging customers failed");
        }

        return NoContent();
    }

    [HttpGet("export")]
    public async Task<IActionResult> ExportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(10, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) // trap
        {
        }

        try
        {
            await System.IO.File.WriteAllTextAsync("export.json", "[]");
        }
        catch (IOException) // expect: RDY205
        {
            await Task.Yield();
        }

        return Ok();
    }
}

public static class CustomerEndpoints
{
    public static IResult Lookup(CustomerRepository repository, Guid id)
    {
        IResult result = Results.Ok();
        try
        {
            result = Results.Ok(repository.Find(id));
        }
        catch (Exception) // trap
        {
            result = Results.Problem("Lookup failed");
        }

        return result;
    }

    public static IResult Rename(CustomerRepository repository, Customer customer)
    {
        try
        {
            repository.Save(customer);
        }
        catch (Exception) // expect: RDY205
        {
        }

        return Results.Ok();
    }

    public static IResult Touch(CustomerRepository repository, Customer customer)
    {
        try
        {
            repository.Save(customer);
        }
        catch // expect: RDY205
        {
            Thread.Yield();
        }

        return Results.Ok();
    }
}

public sealed class CacheWarmer(CustomerRepository repository, ILogger<CacheWarmer> logger)
{
    public Task WarmAsync(Guid id) => Task.Run(() =>
    {
        try
        {
            repository.Find(id);
        }
        catch (KeyNotFoundException) // expect: RDY205
        {
        }
    });

    public void Prime(Customer? customer)
    {
        try
        {
            repository.Save(customer!);
        }
        catch (NullReferenceException) // expect: RDY205
        {
        }

        try
        {
            repository.Save(customer!);
        }
        catch (ArgumentException) // expect: RDY205
        {
            Func<int> fallback = () => { return 0; };
            fallback();
        }

        try
        {
            repository.Save(customer!);
        }
        catch (InvalidOperationException) // trap
        {
            logger.LogDebug("Priming skipped for an unsaved customer");
        }
    }
}

public sealed class ExportFile : IDisposable, IAsyncDisposable
{
    private readonly FileStream _stream = new("export.tmp", FileMode.OpenOrCreate);

    public void Dispose()
    {
        try
        {
            _stream.Flush();
        }
        catch (ObjectDisposedException) // trap
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.FlushAsync();
        }
        catch (IOException) // trap
        {
        }
    }

    ~ExportFile()
    {
        try
        {
            _stream.Close();
        }
        catch // trap
        {
        }
    }

    public void Close()
    {
        try
        {
            _stream.Close();
        }
        catch (IOException) // expect: RDY205
        {
        }
    }

    public void Pump()
    {
        try
        {
            _stream.Flush();
        }
        catch (ThreadInterruptedException) // trap
        {
        }
    }
}
