/** The model registry contract and backend-neutral URI parsing, alias rules and URI resolution. */
package dev.lathe.tracking.registry;
