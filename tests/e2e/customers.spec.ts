import { expect, shot, test } from './fixtures'
import { CustomersPage } from './pages/customers-page'
import { StartPage } from './pages/start-page'

test('customers: create with checked tax ids, search as you type, filter, archive', async ({
  page,
  app
}, info) => {
  await page.goto(app.url)
  await new StartPage(page).createCompany('Biuro Rachunkowe Test')
  await shot(page, info, '01-dashboard-empty')
  const customers = new CustomersPage(page)
  await customers.open()
  await expect(page.getByText('No customers yet')).toBeVisible()
  await shot(page, info, '02-customers-empty')

  // a NIP with a wrong check digit is refused beside its field, and nothing is saved
  await page.getByRole('link', { name: 'New customer' }).first().click()
  await customers.fillForm({ name: 'Łódzka Piekarnia', taxId: '123-456-32-19' })
  await page.getByRole('button', { name: 'Create customer' }).click()
  const nip = page.getByRole('textbox', { name: 'NIP' })
  await expect(nip).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByText("This NIP's check digit does not match: check for a typo").first()
  ).toBeVisible()
  await shot(page, info, '03-customer-form-error')
  await nip.fill('123-456-32-18')
  await page.getByRole('textbox', { name: 'Invoice emails', exact: true }).fill('not-an-email')
  await page.getByRole('textbox', { name: 'City', exact: true }).click()
  await expect(page.getByText('This is not a valid email address', { exact: true })).toBeVisible()
  await page
    .getByRole('textbox', { name: 'Invoice emails', exact: true })
    .fill('faktury@piekarnia.pl')
  await page.getByRole('textbox', { name: 'Segment', exact: true }).fill('SMB')
  await page.getByRole('textbox', { name: 'Tags', exact: true }).fill('vip, monthly')
  // a business (it has a NIP) in the EU needs its address on every invoice
  await page.getByRole('button', { name: 'Create customer' }).click()
  const street = page.getByRole('textbox', { name: 'Street and number', exact: true })
  await expect(street).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByText('A business customer in the EU needs its full address on invoices').first()
  ).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible()
  await street.fill('ul. Piotrkowska 12')
  await page.getByRole('textbox', { name: 'Postal code', exact: true }).fill('90001')
  await page.getByRole('textbox', { name: 'City', exact: true }).fill('Łódź')
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Łódzka Piekarnia' })).toBeVisible()
  await expect(page.getByText('C00001 · 1234563218')).toBeVisible()
  await shot(page, info, '04-customer-detail')

  // the same NIP on a new customer is pointed out, with a link to the one that has it
  await page.getByRole('link', { name: 'Customers', exact: true }).first().click()
  await page.getByRole('link', { name: 'New customer' }).first().click()
  await customers.fillForm({ name: 'Piekarnia bis', taxId: '1234563218' })
  const twin = page.getByText('Another customer has this tax id:')
  await expect(twin).toBeVisible()
  await expect(page.getByRole('link', { name: 'Łódzka Piekarnia' })).toBeVisible()
  await shot(page, info, '04b-same-tax-id')
  await page
    .getByRole('link', { name: 'Cancel' })
    .or(page.getByRole('button', { name: 'Cancel' }))
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeHidden()

  await customers.create({ name: 'Adam Nowak', segment: 'Enterprise' })
  await customers.create({
    name: 'Comércio São Paulo Ltda',
    country: 'BR',
    taxId: '11.222.333/0001-81',
    currency: 'BRL'
  })
  await customers.open()
  await expect(page.getByText('3 customers')).toBeVisible()
  expect(await customers.names()).toEqual([
    'Adam Nowak',
    'Comércio São Paulo Ltda',
    'Łódzka Piekarnia'
  ])

  // search folds accents and case; a tax id matches however it is typed
  await customers.search('lodzka')
  await expect.poll(() => customers.names()).toEqual(['Łódzka Piekarnia'])
  await customers.search('11222333000181')
  await expect.poll(() => customers.names()).toEqual(['Comércio São Paulo Ltda'])
  await customers.search('')
  await page.getByRole('combobox', { name: 'Segment' }).selectOption('SMB')
  await expect.poll(() => customers.names()).toEqual(['Łódzka Piekarnia'])
  await page.getByRole('combobox', { name: 'Segment' }).selectOption('')
  // sorted by name already: one click turns it around
  await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click()
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'descending'
  )
  await expect
    .poll(() => customers.names())
    .toEqual(['Łódzka Piekarnia', 'Comércio São Paulo Ltda', 'Adam Nowak'])
  await shot(page, info, '05-customers-list')

  // archiving asks first, and the customer leaves the active list
  await page.getByRole('link', { name: 'Adam Nowak' }).click()
  await page.getByRole('button', { name: 'Archive' }).click()
  const dialog = page.getByRole('dialog', { name: 'Archive this customer?' })
  await expect(dialog).toBeVisible()
  await shot(page, info, '06-archive-confirm')
  await dialog.getByRole('button', { name: 'Archive' }).click()
  await expect(page.getByRole('button', { name: 'Restore from archive' })).toBeVisible()
  await expect(page.getByText('Customer archived')).toBeVisible()
  await customers.open()
  await expect(page.getByText('2 customers')).toBeVisible()
  await page.getByRole('combobox', { name: 'Status' }).selectOption('archived')
  await expect.poll(() => customers.names()).toEqual(['Adam Nowak'])
})
