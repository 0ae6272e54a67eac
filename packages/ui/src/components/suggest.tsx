import { useFetcher } from '@remix-run/react'
import { Field, type FieldProps } from './forms.tsx'

/**
 * A text field that suggests as one types, from the server (`source?q=` or `source&q=`, answering
 * `{ items: [{ value, label }] }`), in the browser's own list (a datalist). Without JavaScript it
 * is a plain text field, and the server takes the name typed: it scales to any number of choices.
 */
export function SuggestField({ source, ...props }: FieldProps & { source: string }) {
  const fetcher = useFetcher<{ items: { value: string; label: string }[] }>()
  const listId = `${props.inputProps.id}-suggestions`
  return (
    <>
      <Field
        {...props}
        inputProps={{
          ...props.inputProps,
          list: listId,
          autoComplete: 'off',
          onChange: (event) => {
            props.inputProps.onChange?.(event)
            const q = event.currentTarget.value.trim()
            if (q.length >= 2) fetcher.load(`${source}${source.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`)
          },
        }}
      />
      <datalist id={listId}>
        {(fetcher.data?.items ?? []).map((item) => (
          <option key={item.value} value={item.label} />
        ))}
      </datalist>
    </>
  )
}
