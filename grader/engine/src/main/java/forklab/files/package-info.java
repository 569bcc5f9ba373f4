/** Folder trees: copying and deleting them, as every stage that owns a scratch folder needs. */
package forklab.files;
