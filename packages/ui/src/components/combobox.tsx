import * as Popover from '@radix-ui/react-popover'
import { Command } from 'cmdk'
import { Check, ChevronsUpDown } from 'lucide-react'
import { useState } from 'react'
import { FieldErrors, SelectField } from './forms.tsx'
import { useHydrated } from './hydrated.ts'

export interface ComboboxFieldProps {
  label: string
  id: string
  name: string
  defaultValue?: string
  errors?: string[]
  options: { value: string; label: string }[]
  /** Shown on the button before anything is chosen, and as the empty choice of the fallback list. */
  placeholder: string
  searchPlaceholder: string
  emptyText: string
}

/**
 * A list to choose one from by typing (a seller's hundreds of products): a Radix popover with a
 * cmdk command list (filtering, arrow keys, Enter) once JavaScript runs, feeding a hidden input;
 * a plain select before and without it, under the same label and name.
 */
export function ComboboxField({ label, id, name, defaultValue = '', errors, options, placeholder, searchPlaceholder, emptyText }: ComboboxFieldProps) {
  const hydrated = useHydrated()
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState(defaultValue)
  if (!hydrated) return <SelectField label={label} errors={errors} selectProps={{ id, name, defaultValue }} options={[{ value: '', label: placeholder }, ...options]} />
  const chosen = options.find((o) => o.value === value)
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input type="hidden" name={name} value={value} />
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger
          id={id}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? errorId : undefined}
          className="combobox-trigger"
        >
          <span className={chosen ? 'truncate' : 'truncate text-muted'}>{chosen?.label ?? placeholder}</span>
          <ChevronsUpDown aria-hidden="true" size={16} className="shrink-0 text-muted" />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content align="start" sideOffset={4} className="z-50 w-[var(--radix-popover-trigger-width)] max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-white p-1 shadow-lg">
            <Command label={label}>
              <Command.Input placeholder={searchPlaceholder} className="mb-1 w-full rounded-md border border-line px-3 py-2" />
              <Command.List className="max-h-72 overflow-y-auto">
                <Command.Empty className="px-3 py-2 text-sm text-muted">{emptyText}</Command.Empty>
                {options.map((o) => (
                  <Command.Item
                    key={o.value}
                    value={`${o.label} ${o.value}`}
                    onSelect={() => {
                      setValue(o.value)
                      setOpen(false)
                    }}
                    className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-3 text-sm data-[selected=true]:bg-blue-50 data-[selected=true]:text-brand-dark"
                  >
                    <Check aria-hidden="true" size={16} className={o.value === value ? '' : 'invisible'} />
                    {o.label}
                  </Command.Item>
                ))}
              </Command.List>
            </Command>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}
